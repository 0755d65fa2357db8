using Rsspot;
using Rsspot.Emulator;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Support;

/// <summary>
/// One emulator per test class plus a temp HOME whose config (written in-process) points the default profile
/// at it; every rsspot process gets HOME and RSSPOT_CONFIG from here and nothing from the machine.
/// </summary>
public sealed class CliFixture : IAsyncLifetime
{
    public EmulatorHost Emulator { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("rsspot-cli-").FullName;

    public string ConfigPath => Path.Combine(Home, "rsspot", "config.yaml");

    public string StatePath => Path.Combine(Home, "rsspot", "state.db");

    /// <summary>
    /// The environment of every rsspot process. Tests bid round numbers such as 0.08 whatever the class, so the bid
    /// ceiling is raised to 1 USD here; <see cref="EnvironmentWithDefaultCeiling"/> keeps the default (on-demand) ceiling.
    /// </summary>
    public Dictionary<string, string> Environment => new(EnvironmentWithDefaultCeiling) { ["RSSPOT_MAX_BID"] = "1" };

    /// <summary>The environment without a raised bid ceiling: what a user who set none gets.</summary>
    public Dictionary<string, string> EnvironmentWithDefaultCeiling => new()
    {
        ["HOME"] = Home,
        ["RSSPOT_CONFIG"] = ConfigPath,
        ["NO_COLOR"] = "1",
    };

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.Zero });
        OneHostProfile.Save(ConfigPath, OneHostProfile.For(Emulator.BaseUrl, Emulator.OrganizationName, Emulator.RefreshToken));
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold state.db briefly; the temp folder is cleaned by the OS eventually.
        }
    }

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Environment, null, args);

    /// <summary>An SDK client on the same emulator with its own state (to check what the CLI did, independent of the CLI).</summary>
    public SpotClient SdkClient() => new(SpotClientOptions.Isolated(Emulator.BaseUrl, Emulator.RefreshToken, Emulator.OrganizationName, Path.Combine(Home, "sdk-state")) with { NoCache = true });

    public async Task<JsonNodeResult> JsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "-o", "json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return new JsonNodeResult(result.Json, result);
    }
}

/// <summary>Parsed JSON stdout with the raw result for messages.</summary>
public sealed record JsonNodeResult(System.Text.Json.Nodes.JsonNode Node, CliResult Result);
