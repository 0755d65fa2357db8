using Rsspot.Cli.Tests.Support;
using Rsspot.Emulator;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>
/// Issue 29, item 2: SIGINT (Ctrl-C) and SIGTERM sent to a real rsspot process while it creates a cloudspace or waits
/// for one, against an emulator whose API answers only after 3 s.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class InterruptTests(CliFixture cli) : IClassFixture<CliFixture>, IDisposable
{
    private const string Region = "us-central-dfw-1";

    public void Dispose() => cli.Emulator.ClearFaults();

    private bool Exists(string cloudspace) => cli.Emulator.ListResourceNames("cloudspaces", cli.Emulator.Namespace).Contains(cloudspace);

    private bool TokenFetched() => cli.Emulator.GetRequestLog().Any(e => e.Path.StartsWith("/oauth", StringComparison.Ordinal));

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_while_pools_are_created_rolls_back_on_its_own_budget_and_says_so(string signal)
    {
        var name = "sig-" + signal.ToLowerInvariant();
        cli.Emulator.ClearRequestLog();
        cli.Emulator.SetFaults(new FaultSettings { LatencyMs = 3000, PathPrefix = "/apis/ngpc.rxt.io" });
        await using var rsspot = CliProcess.Start(
            cli.Environment,
            "cloudspaces", "create", name, "--region", Region,
            "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08",
            "--ondemand-nodepool", "desired=1,serverclass=gp.vs1.large-dfw");

        await rsspot.WaitUntilAsync(() => Exists(name), "the cloudspace created");
        await Task.Delay(1000);
        await rsspot.SignalAsync(signal);

        Assert.Equal(130, await rsspot.ExitCodeAsync());
        var last = rsspot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains($"cloudspace \"{name}\"", last, StringComparison.Ordinal);
        Assert.Contains("deleted again", last, StringComparison.Ordinal);
        Assert.Contains("nothing is left behind", last, StringComparison.Ordinal);
        cli.Emulator.ClearFaults();
        Assert.False(Exists(name), rsspot.Stderr);
        Assert.DoesNotContain(cli.Emulator.ListResourceNames("spotnodepools", cli.Emulator.Namespace), p => cli.Emulator.GetResource("spotnodepools", p, cli.Emulator.Namespace)?["spec"]?["cloudSpace"]?.GetValue<string>() == name);
    }

    [Fact]
    public async Task A_second_signal_stops_at_once_and_the_last_line_names_the_cloudspace_and_the_command_that_removes_it()
    {
        const string name = "sig-twice";
        cli.Emulator.ClearRequestLog();
        cli.Emulator.SetFaults(new FaultSettings { LatencyMs = 3000, PathPrefix = "/apis/ngpc.rxt.io" });
        await using var rsspot = CliProcess.Start(
            cli.Environment,
            "cloudspaces", "create", name, "--region", Region, "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08");

        await rsspot.WaitUntilAsync(() => Exists(name), "the cloudspace created");
        await rsspot.SignalAsync("INT");
        await rsspot.WaitForStderrAsync("press Ctrl-C again");
        await rsspot.SignalAsync("INT");

        Assert.Equal(130, await rsspot.ExitCodeAsync(seconds: 20));
        var last = rsspot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("Stopped: ", last, StringComparison.Ordinal);
        Assert.Contains($"rsspot cloudspaces delete {name} --yes", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signal_before_the_cloudspace_exists_says_nothing_is_left()
    {
        const string name = "sig-early";
        cli.Emulator.ClearRequestLog();
        cli.Emulator.SetFaults(new FaultSettings { LatencyMs = 3000, PathPrefix = "/apis/ngpc.rxt.io/v1/serverclasses" });
        await using var rsspot = CliProcess.Start(
            cli.Environment,
            "cloudspaces", "create", name, "--region", Region, "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08", "--no-cache");

        // The token is fetched just before the class check, which the emulator answers after 3 s.
        await rsspot.WaitUntilAsync(TokenFetched, "the token request");
        await Task.Delay(1500);
        await rsspot.SignalAsync("INT");

        Assert.Equal(130, await rsspot.ExitCodeAsync());
        var last = rsspot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains("nothing is left behind", last, StringComparison.Ordinal);
        Assert.False(Exists(name));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_during_wait_says_the_cloudspace_exists_its_phase_and_how_to_wait_again(string signal)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.FromHours(1) });
        var home = Directory.CreateTempSubdirectory("rsspot-wait-").FullName;
        try
        {
            var config = Path.Combine(home, "config.yaml");
            OneHostProfile.Save(config, OneHostProfile.For(emulator.BaseUrl, emulator.OrganizationName, emulator.RefreshToken));
            var env = new Dictionary<string, string> { ["HOME"] = home, ["RSSPOT_CONFIG"] = config, ["NO_COLOR"] = "1" };
            await using var rsspot = CliProcess.Start(env, "cloudspaces", "create", "waiting", "--region", Region, "--wait");

            await rsspot.WaitForStderrAsync("cloudspace waiting: ");
            await rsspot.SignalAsync(signal);

            Assert.Equal(130, await rsspot.ExitCodeAsync());
            var last = rsspot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
            Assert.Contains("cloudspace \"waiting\" exists (phase ", last, StringComparison.Ordinal);
            Assert.Contains("rsspot cloudspaces wait waiting", last, StringComparison.Ordinal);
            Assert.DoesNotContain("A task was canceled", rsspot.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_signal_during_a_plain_command_exits_130_with_one_line()
    {
        cli.Emulator.ClearRequestLog();
        cli.Emulator.SetFaults(new FaultSettings { LatencyMs = 20_000, PathPrefix = "/apis/ngpc.rxt.io/v1/regions" });
        await using var rsspot = CliProcess.Start(cli.Environment, "regions", "list", "--no-cache");

        await rsspot.WaitUntilAsync(TokenFetched, "the token request");
        await Task.Delay(1000);
        await rsspot.SignalAsync("TERM");

        Assert.Equal(130, await rsspot.ExitCodeAsync(seconds: 15));
        Assert.Equal("Interrupted.", rsspot.Stderr.Trim());
    }
}
