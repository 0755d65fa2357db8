using System.Globalization;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.Autopilot;

/// <summary><c>rsspot nodepools autopilot</c> against the emulator: create, allocations, a market move, update, delete.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AutopilotCommandTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task An_8_vcpu_pool_shows_its_allocations_follows_the_market_and_is_deleted_with_its_children()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "ap-cli", "--region", "us-central-dfw-1", "-o", "table")).ExitCode);

        var created = (await cli.JsonAsync("nodepools", "autopilot", "create", "--cloudspace", "ap-cli", "--vcpu-total", "8", "--budget-per-hour", "0.10", "--label", "team=batch")).Node;
        var name = created["metadata"]!["name"]!.GetValue<string>();
        Assert.Equal("us-central-dfw-1", created["spec"]!["region"]!.GetValue<string>());
        Assert.Equal("0.100", created["spec"]!["budgetPerHour"]!.GetValue<string>());

        var pool = (await cli.JsonAsync("nodepools", "autopilot", "get", name, "--no-cache")).Node;
        Assert.Equal("Fulfilled", pool["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(8, pool["status"]!["managedVCPUs"]!.GetValue<int>());
        var allocations = pool["status"]!["allocations"]!.AsArray();
        var cost = allocations.Sum(a => decimal.Parse(a!["bidPricePerHour"]!.GetValue<string>(), CultureInfo.InvariantCulture) * a["desiredNodes"]!.GetValue<int>());
        Assert.True(cost <= 0.10m, $"allocations cost {cost}/h");
        var first = allocations[0]!;
        var movedClass = first["serverClass"]!.GetValue<string>();
        var movedChild = first["spotNodePool"]!.GetValue<string>();

        var table = await cli.RunAsync("nodepools", "autopilot", "list", "--cloudspace", "ap-cli", "-o", "table", "--no-cache");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("CLASS", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("NODES", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(movedClass, table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{first["wonNodes"]}/{first["desiredNodes"]}", table.Stdout, StringComparison.Ordinal);

        cli.Emulator.ScriptMarketPrices(movedClass, decimal.Parse(first["bidPricePerHour"]!.GetValue<string>(), CultureInfo.InvariantCulture) * 3);
        var after = (await cli.JsonAsync("nodepools", "autopilot", "get", "--name", name, "--no-cache")).Node;
        Assert.DoesNotContain(after["status"]!["allocations"]!.AsArray(), a => a!["serverClass"]!.GetValue<string>() == movedClass);
        Assert.Equal(8, after["status"]!["managedVCPUs"]!.GetValue<int>());
        Assert.Contains(after["status"]!["allocationsHistory"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "Lost" && e["spotNodePool"]!.GetValue<string>() == movedChild);

        var yaml = await cli.RunAsync("nodepools", "autopilot", "get", name, "-o", "yaml", "--no-cache");
        Assert.Equal(0, yaml.ExitCode);
        Assert.Contains("allocationsHistory:", yaml.Stdout, StringComparison.Ordinal);

        var updated = (await cli.JsonAsync("nodepools", "autopilot", "update", name, "--vcpu-total", "4", "--budget-per-hour", "0.05", "--memory-per-vcpu", "any")).Node;
        Assert.Equal(4, updated["spec"]!["vcpu"]!["total"]!.GetValue<int>());

        var deleted = await cli.RunAsync("nodepools", "autopilot", "delete", name, "--yes", "-o", "json");
        Assert.Equal(0, deleted.ExitCode);
        var spotPools = (await cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "ap-cli", "--no-cache")).Node.AsArray();
        Assert.Empty(spotPools);
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "delete", "ap-cli", "--yes", "-o", "json")).ExitCode);
    }

    [Fact]
    public async Task Pricing_watch_reports_the_allocations_and_does_not_guard_the_child_pools()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "ap-watch", "--region", "us-central-dfw-1", "-o", "table")).ExitCode);
        var name = (await cli.JsonAsync("nodepools", "autopilot", "create", "--cloudspace", "ap-watch", "--vcpu-total", "8", "--budget-per-hour", "0.10")).Node["metadata"]!["name"]!.GetValue<string>();

        var watch = await cli.RunAsync("pricing", "watch", "--cloudspace", "ap-watch", "--once", "--apply", "--no-cache");

        Assert.Equal(0, watch.ExitCode);
        var lines = watch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        var reported = Assert.Single(lines);
        Assert.Equal(name, reported["autopilot_pool"]!.GetValue<string>());
        Assert.Equal(8, reported["managed_vcpus"]!.GetValue<int>());
        Assert.NotEmpty(reported["allocations"]!.AsArray());
        var history = (await cli.JsonAsync("pricing", "guard", "history")).Node.AsArray();
        Assert.Empty(history);
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "delete", "ap-watch", "--yes", "-o", "json")).ExitCode);
    }

    [Fact]
    public async Task Wrong_values_are_usage_errors_that_name_the_flag_and_send_nothing()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "ap-cli-bad", "--region", "us-central-dfw-1", "-o", "table")).ExitCode);
        var cases = new (string[] Args, string Flag)[]
        {
            (["--vcpu-total", "0", "--budget-per-hour", "0.1"], "--vcpu-total"),
            (["--vcpu-total", "8", "--budget-per-hour", "0.1005"], "--budget-per-hour"),
            (["--vcpu-total", "8", "--budget-per-hour", "0.1", "--memory-per-vcpu", "3"], "--memory-per-vcpu"),
            (["--vcpu-total", "8", "--budget-per-hour", "0.1", "--vcpu-per-node-min", "8", "--vcpu-per-node-max", "4"], "--vcpu-per-node-min"),
            (["--vcpu-total", "8", "--budget-per-hour", "0.1", "--allocation-strategy", "Fastest"], "--allocation-strategy"),
            (["--vcpu-total", "8", "--budget-per-hour", "50"], "--max-budget"),
        };
        foreach (var (args, flag) in cases)
        {
            var result = await cli.RunAsync(["nodepools", "autopilot", "create", "--cloudspace", "ap-cli-bad", .. args]);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(flag, result.Stderr, StringComparison.Ordinal);
        }

        Assert.Empty((await cli.JsonAsync("nodepools", "autopilot", "list", "--cloudspace", "ap-cli-bad", "--no-cache")).Node.AsArray());
        var help = await cli.RunAsync("nodepools", "autopilot", "create", "--help");
        Assert.Contains("Examples:", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--vcpu-per-node-max", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "delete", "ap-cli-bad", "--yes", "-o", "json")).ExitCode);
    }
}
