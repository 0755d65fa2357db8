using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client;

/// <summary>The user's own data may hold the client's secrets (a token in a label, a webhook URL): state.db never does.</summary>
public sealed class CachedSecretsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_listing_that_echoes_the_refresh_token_stays_out_of_the_state_file()
    {
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(fixture.Emulator, state.Path);
        var token = fixture.Emulator.RefreshToken;
        Assert.True(token.Length >= 8);

        Assert.NotEmpty(await client.Regions.ListAsync());
        var before = await client.Cloudspaces.ListAsync();
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("leaky-hook", "us-central-dfw-1") { Webhook = "https://hooks.example/" + token });
        var after = await client.Cloudspaces.ListAsync();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after, c => c.Spec?.Webhook?.Contains(token, StringComparison.Ordinal) == true);
        Assert.Equal(after.Count, (await client.Cloudspaces.ListAsync()).Count);

        client.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(state.Path, "state.db*");
        Assert.NotEmpty(files);
        Assert.Contains(files, f => File.ReadAllText(f).Contains("us-central-dfw-1", StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain(token, File.ReadAllText(f), StringComparison.Ordinal));
    }
}
