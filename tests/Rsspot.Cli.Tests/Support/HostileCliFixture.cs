using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Support;

/// <summary>A temp HOME whose default profile points at a hostile server (no cache, few retries; a timeout generous enough for a busy machine).</summary>
public sealed class HostileCliFixture : IAsyncLifetime
{
    public HostileServer Server { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("rsspot-hostile-").FullName;

    public string ConfigPath => Path.Combine(Home, "rsspot", "config.yaml");

    public async Task InitializeAsync()
    {
        Server = await HostileServer.StartAsync();
        OneHostProfile.Save(ConfigPath, OneHostProfile.For(Server.BaseUrl, Server.Emulator.OrganizationName, Server.Emulator.RefreshToken) with { RequestTimeoutSeconds = 15 });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold state.db briefly.
        }
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string>(), args);

    public Task<CliResult> RunWithAsync(Dictionary<string, string> extraEnvironment, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Home,
            ["RSSPOT_CONFIG"] = ConfigPath,
            ["NO_COLOR"] = "1",
            ["RSSPOT_MAX_RETRIES"] = "1",
            ["RSSPOT_RETRY_BACKOFF_FACTOR"] = "0.01",

            // Tests bid round numbers whatever the class; the money tests keep the default ceiling.
            ["RSSPOT_MAX_BID"] = "1",
        };
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }

        return CliRunner.RunAsync(environment, null, [.. args, "--no-cache"]);
    }
}
