using Rsspot.Cli.Tests.Support;
using Rsspot.Emulator;

namespace Rsspot.Cli.Tests.Commands;

/// <summary><c>cloudspaces create</c> with pools never leaves an orphan cloudspace behind without saying so.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CloudspaceCreateFailureTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task A_pool_in_another_region_is_a_usage_error_and_creates_nothing()
    {
        var result = await cli.RunAsync(
            "cloudspaces", "create", "demo-lon", "--region", "us-central-dfw-1",
            "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-lon,bidprice=0.08");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("gp.vs1.medium-lon", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was created", result.Stderr, StringComparison.Ordinal);
        var again = await cli.RunAsync("cloudspaces", "get", "demo-lon", "-o", "json");
        Assert.Equal(5, again.ExitCode);
    }

    [Fact]
    public async Task A_pool_that_fails_deletes_the_cloudspace_again_and_keep_on_failure_keeps_it()
    {
        cli.Emulator.SetFaults(new FaultSettings
        {
            FailCount = 10,
            FailStatus = 500,
            Method = "POST",
            PathPrefix = $"/apis/ngpc.rxt.io/v1/namespaces/{cli.Emulator.Namespace}/spotnodepools",
        });
        try
        {
            var rolledBack = await cli.RunAsync(
                "cloudspaces", "create", "demo-fail", "--region", "us-central-dfw-1",
                "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08");
            Assert.Equal(5, rolledBack.ExitCode);
            Assert.Contains("deleted again", rolledBack.Stderr, StringComparison.Ordinal);
            Assert.Contains("--keep-on-failure", rolledBack.Stderr, StringComparison.Ordinal);
            Assert.Equal(5, (await cli.RunAsync("cloudspaces", "get", "demo-fail", "-o", "json", "--no-cache")).ExitCode);

            var kept = await cli.RunAsync(
                "cloudspaces", "create", "demo-kept", "--region", "us-central-dfw-1", "--keep-on-failure",
                "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08");
            Assert.Equal(5, kept.ExitCode);
            Assert.Contains("kept as asked", kept.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            cli.Emulator.ClearFaults();
        }

        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "get", "demo-kept", "-o", "json", "--no-cache")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "delete", "demo-kept", "--yes")).ExitCode);
    }
}
