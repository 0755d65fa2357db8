using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>The emulator with VMs, a cloudspace with a spot and an on-demand pool, and what the delete test removes.</summary>
public sealed class PythonShapeFixture : IAsyncLifetime
{
    public const string SpotPool = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string OnDemandPool = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public const string DoomedPool = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";

    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-pyshape-").FullName;

    public Rsspot.Emulator.EmulatorHost Emulator { get; private set; } = null!;

    public string ConfigPath => Path.Combine(_home, "rsspot", "config.yaml");

    // The shape is left to the command line, as for users.
    public Dictionary<string, string> Environment => new() { ["HOME"] = _home, ["RSSPOT_CONFIG"] = ConfigPath, ["NO_COLOR"] = "1", ["RSSPOT_OUTPUT_SHAPE"] = "auto" };

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Environment, null, args);

    public SpotClient SdkClient() => new(SpotClientOptions.Isolated(Emulator.BaseUrl, Emulator.RefreshToken, Emulator.OrganizationName, Path.Combine(_home, "sdk-state")) with { NoCache = true });

    public async Task InitializeAsync()
    {
        Emulator = await Rsspot.Emulator.EmulatorHost.StartAsync(new Rsspot.Emulator.EmulatorOptions { ReadyAfter = TimeSpan.Zero, VmCount = 2 });
        Rsspot.Tests.Support.OneHostProfile.Save(ConfigPath, Rsspot.Tests.Support.OneHostProfile.For(Emulator.BaseUrl, Emulator.OrganizationName, Emulator.RefreshToken));
        string[][] setup =
        [
            ["cloudspaces", "create", "--name", "demo", "--region", "us-central-dfw-1"],
            ["cloudspaces", "create", "--name", "doomed", "--region", "us-central-dfw-1"],
            ["nodepools", "spot", "create", "--name", SpotPool, "--cloudspace", "demo", "--server-class", "gp.vs1.medium-dfw", "--bid-price", "0.02", "--desired", "2"],
            ["nodepools", "spot", "create", "--name", DoomedPool, "--cloudspace", "doomed", "--server-class", "gp.vs1.medium-dfw", "--bid-price", "0.02"],
            ["nodepools", "ondemand", "create", "--name", OnDemandPool, "--cloudspace", "demo", "--server-class", "gp.vs1.medium-dfw"],
        ];
        foreach (var args in setup)
        {
            var result = await RunAsync(args);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold state.db briefly.
        }
    }
}
