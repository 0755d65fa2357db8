using Rsspot.Cli.Tests.Commands.Cloudspaces;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.Run;

/// <summary><c>rsspot run -f FILE -- COMMAND</c> with the real kubectl: the cluster exists for the command only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class RunCommandTests : IClassFixture<KubeFixture>
{
    private readonly KubeFixture _kube;

    public RunCommandTests(KubeFixture kube)
    {
        _kube = kube;
    }

    [SkippableFact]
    public async Task Run_prints_the_nodes_exits_zero_and_leaves_nothing()
    {
        Skip.If(KubeFixture.Kubectl is null, "kubectl is not installed (Debian package kubectl).");
        var spec = SpecFile("run-ok");

        var run = await _kube.RunAsync("run", "-f", spec, "--", KubeFixture.Kubectl!, "get", "nodes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, ExecKubeconfigTests.NodeLines(run.Stdout));
        Assert.Contains("Deleted cloudspace \"run-ok\"", run.Stderr, StringComparison.Ordinal);
        AssertNothingLeft("run-ok");
    }

    [SkippableFact]
    public async Task A_failing_command_keeps_its_exit_code_and_the_cluster_is_deleted()
    {
        Skip.If(KubeFixture.Kubectl is null, "kubectl is not installed (Debian package kubectl).");
        var spec = SpecFile("run-fail");

        var run = await _kube.RunAsync("run", "-f", spec, "--", "sh", "-c", "\"$0\" get nodes && exit 7", KubeFixture.Kubectl!);

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Equal(3, ExecKubeconfigTests.NodeLines(run.Stdout));
        Assert.Contains("Deleted cloudspace \"run-fail\"", run.Stderr, StringComparison.Ordinal);
        AssertNothingLeft("run-fail");
    }

    [Fact]
    public async Task Sigint_mid_run_stops_the_command_and_deletes_the_cluster()
    {
        var spec = SpecFile("run-int");
        await using var run = CliProcess.Start(_kube.Environment, "run", "-f", spec, "--", "sh", "-c", "echo started >&2; sleep 60");
        await run.WaitForStderrAsync("started");

        await run.SignalAsync("INT");

        Assert.Equal(130, await run.ExitCodeAsync());
        Assert.Contains("Deleted cloudspace \"run-int\"", run.Stderr, StringComparison.Ordinal);
        AssertNothingLeft("run-int");
    }

    [Fact]
    public async Task The_plain_run_without_a_command_is_a_usage_error_and_creates_nothing()
    {
        var spec = SpecFile("run-usage");

        var run = await _kube.RunAsync("run", "-f", spec);

        Assert.Equal(2, run.ExitCode);
        AssertNothingLeft("run-usage");
    }

    private void AssertNothingLeft(string name)
    {
        Assert.DoesNotContain(name, _kube.Emulator.ListResourceNames("cloudspaces"));
        Assert.DoesNotContain(_kube.Emulator.ListResourceNames("spotnodepools"), p => _kube.Emulator.GetResource("spotnodepools", p)?["spec"]?["cloudSpace"]?.GetValue<string>() == name);
        Assert.DoesNotContain(_kube.Emulator.ListResourceNames("ondemandnodepools"), p => _kube.Emulator.GetResource("ondemandnodepools", p)?["spec"]?["cloudSpace"]?.GetValue<string>() == name);
    }

    private string SpecFile(string name)
    {
        var path = Path.Combine(_kube.Home, name + ".yaml");
        File.WriteAllText(path, $"""
            name: {name}
            region: us-central-dfw-1
            spotNodePools:
              - {"{"}serverClass: gp.vs1.medium-dfw, desired: 2, bidPrice: 0.9{"}"}
            onDemandNodePools:
              - {"{"}serverClass: gp.vs1.large-dfw, desired: 1{"}"}
            """);
        return path;
    }
}
