using System.Globalization;
using Microsoft.AspNetCore.Http;
using Rsspot.Configuration;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Configuration;

/// <summary>One profile shape and one settings table: every path (file, environment, save, client options) sees the same settings.</summary>
public sealed class ProfileSettingTableTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    [Theory]
    [InlineData("c.yaml")]
    [InlineData("c.json")]
    [InlineData("c.toml")]
    public void Every_setting_saved_with_SaveProfile_reads_back_the_same_in_every_format(string fileName)
    {
        string path = Path.Combine(_home.Root, fileName);
        var saved = new ProfileConfig
        {
            Org = "acme",
            OrgId = "org-1",
            Region = "us-central-dfw-1",
            ClientId = "client-1",
            RefreshToken = "rt-1",
            AccessToken = "at-1",
            BaseUrl = "https://api.example",
            OAuthUrl = "https://login.example",
            PriceDataUrl = "https://prices.example",
            RequestTimeoutSeconds = 12.5,
            OperationTimeoutSeconds = 120,
            VerifySsl = false,
            MaxRetries = 4,
            RetryBackoffFactor = 1.5,
            MaxBid = 0.125m,
        };
        ConfigStore.Update(path, store => store.SaveProfile("prod", saved));

        ProfileConfig reread = _home.Resolve(path).Config.Profiles["prod"];
        foreach (ProfileSetting setting in ProfileSettingTable.All)
        {
            Assert.NotNull(setting.Get(saved));
            Assert.Equal(setting.Get(saved), setting.Get(reread));
        }

        EffectiveProfile effective = _home.Resolve(path).GetProfile("prod");
        Assert.Equal(0.125m, effective.MaxBid);
        Assert.Equal(5, effective.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(120), effective.OperationTimeout);
        Assert.Equal(TimeSpan.FromSeconds(12.5), effective.RequestTimeout);
    }

    [Fact]
    public void Client_option_settings_win_over_the_environment_and_the_file_and_single_options_win_over_them()
    {
        string path = _home.Write("c.yaml", "profiles:\n  default:\n    org: file-org\n    region: file-region\n    operation_timeout_seconds: 50\n");
        _home.Env["RSSPOT_ORG"] = "env-org";
        _home.Env["RSSPOT_OPERATION_TIMEOUT_SECONDS"] = "60";

        var overrides = new ProfileConfig { Org = "settings-org", MaxBid = 0.5m };
        EffectiveProfile profile = _home.Resolve(path).GetProfile(null, overrides);
        Assert.Equal("settings-org", profile.Org);
        Assert.Equal("file-region", profile.Region);
        Assert.Equal(0.5m, profile.MaxBid);
        Assert.Equal(TimeSpan.FromSeconds(60), profile.OperationTimeout);

        using var client = new SpotClient(new SpotClientOptions
        {
            ConfigPath = path,
            HomeDirectory = _home.Home,
            Environment = _home.Env,
            StatePath = Path.Combine(_home.Root, "state.db"),
            Settings = overrides,
            Org = "single-org",
        });
        Assert.Equal("single-org", client.Profile.Org);
        Assert.Equal(0.5m, client.Profile.MaxBid);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("86401")]
    [InlineData("ten")]
    public void A_bad_operation_timeout_names_the_key_or_the_variable(string value)
    {
        string path = _home.Write("c.yaml", $"profiles:\n  default:\n    operation_timeout_seconds: \"{value}\"\n");
        var fromFile = Assert.Throws<ConfigException>(() => _home.Resolve(path).GetProfile());
        Assert.Contains("operation_timeout_seconds", fromFile.Message, StringComparison.Ordinal);

        _home.Env["RSSPOT_OPERATION_TIMEOUT_SECONDS"] = value;
        var fromEnv = Assert.Throws<ConfigException>(() => _home.Resolve().GetProfile());
        Assert.Contains("RSSPOT_OPERATION_TIMEOUT_SECONDS", fromEnv.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_operation_timeout_bounds_a_request_with_all_its_retries()
    {
        // Every attempt answers 503 after a short wait: without the bound, 6 attempts with backoff take seconds.
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        });
        string path = _home.Write("c.yaml", string.Create(
            CultureInfo.InvariantCulture,
            $"profiles:\n  default:\n    base_url: {server.BaseUrl}\n    oauth_url: {server.BaseUrl}\n    price_data_url: {server.BaseUrl}\n    access_token: {TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1))}\n    org_id: org-1\n    max_retries: 5\n    retry_backoff_factor: 1\n    operation_timeout_seconds: 0.5\n"));

        using var client = new SpotClient(new SpotClientOptions { ConfigPath = path, HomeDirectory = _home.Home, Environment = _home.Env, StatePath = Path.Combine(_home.Root, "state.db"), NoCache = true });
        Assert.Equal(TimeSpan.FromSeconds(0.5), client.Profile.OperationTimeout);
        await Assert.ThrowsAnyAsync<SpotException>(() => client.Regions.ListAsync());
        Assert.InRange(server.RequestCount, 1, 3);
    }
}
