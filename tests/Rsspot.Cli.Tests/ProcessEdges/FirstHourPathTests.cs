using System.Diagnostics;
using System.Runtime.Versioning;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>
/// The README's first hour, as a newcomer types it: start the emulator, paste its configure line, look at regions
/// and prices, create a cloudspace with pools and wait for it, save its kubeconfig, plan and apply a cluster, delete.
/// No step may print a stack trace, and nothing may be left behind.
/// </summary>
[UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class FirstHourPathTests : IDisposable
{
    private const string Region = "us-central-dfw-1";
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-first-hour-").FullName;
    private readonly List<CliResult> _results = [];

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task The_first_hour_runs_clean_and_leaves_no_orphan()
    {
        using var emulator = Process.Start(CliRunner.StartInfo(Env, "emulator", "start", "--port", "0", "--ready-after", "1"))!;
        try
        {
            var configureLine = (await Commands.EmulatorCommandTests.ReadUntilConfigureLineAsync(emulator))[^1].Trim();
            _ = Task.WhenAll(emulator.StandardOutput.ReadToEndAsync(), emulator.StandardError.ReadToEndAsync());   // keep its pipes drained

            await Ok(configureLine["rsspot ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            await Ok("regions", "list", "-o", "table");
            await Ok("server-classes", "list", "--region", Region, "-o", "table");
            await Ok("pricing", "list", "--region", Region, "--nodes", "2", "-o", "table");

            var created = await Ok(
                "cloudspaces", "create", "first-hour", "--region", Region,
                "--spot-nodepool", "desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.02",
                "--ondemand-nodepool", "desired=1,serverclass=gp.vs1.large-dfw",
                "--wait", "--timeout", "120", "-o", "json");
            Assert.Equal("Ready", created.Json["cloudspace"]!["status"]!["phase"]!.GetValue<string>());

            var kubeconfig = Path.Combine(_home, "first-hour.yaml");
            await Ok("cloudspaces", "get-config", "first-hour", "--file", kubeconfig);
            Assert.Contains("apiVersion", await File.ReadAllTextAsync(kubeconfig), StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kubeconfig));

            var plan = await Ok("pricing", "build", "--nodes", "3", "--risk", "low", "--cloudspace", "first-hour", "-o", "json");
            Assert.All(
                plan.Json["scenarios"]!.AsArray().SelectMany(sc => sc!["pools"]!.AsArray()),
                pool => Assert.Equal(Region, pool!["region"]!.GetValue<string>()));
            await Ok("pricing", "build", "--nodes", "3", "--risk", "low", "--cloudspace", "first-hour", "--apply", "--yes", "-o", "table");
            var pools = await Ok("nodepools", "spot", "list", "--cloudspace", "first-hour", "--no-cache", "-o", "json");
            Assert.True(pools.Json.AsArray().Count > 1, pools.ToString());

            await Ok("cloudspaces", "delete", "first-hour", "--yes");
            var left = await Ok("cloudspaces", "list", "--no-cache", "-o", "json");
            Assert.Empty(left.Json.AsArray());
            var orphanPools = await Ok("nodepools", "spot", "list", "--no-cache", "-o", "json");
            Assert.Empty(orphanPools.Json.AsArray());

            Assert.All(_results, r =>
            {
                Assert.DoesNotContain("   at ", r.Stdout + r.Stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", r.Stdout + r.Stderr, StringComparison.Ordinal);
            });
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
                await emulator.WaitForExitAsync();
            }
        }
    }

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await CliRunner.RunAsync(Env, null, args);
        _results.Add(result);
        Assert.True(result.ExitCode == 0, $"rsspot {string.Join(' ', args)}\n{result}");
        return result;
    }
}
