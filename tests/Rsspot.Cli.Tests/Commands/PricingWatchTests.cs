using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands;

/// <summary><c>pricing watch</c> and <c>pricing guard history</c> against the emulator's scripted market.</summary>
public sealed class PricingWatchTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public PricingWatchTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Once_exits_8_when_a_pool_is_at_risk_and_its_json_line_says_why_without_changing_the_bid()
    {
        const string serverClass = "gp.vs1.medium-dfw";
        _cli.Emulator.ScriptMarketPrices(serverClass, [.. Enumerable.Repeat(0.0500m, 24)]);
        var pool = await CreatePoolAsync("watch-risk", serverClass, "0.0520");

        var result = await _cli.RunAsync("pricing", "watch", "--once", "--cloudspace", "watch-risk");

        Assert.True(result.ExitCode == 8, result.ToString());
        var line = Assert.Single(Lines(result));
        Assert.Equal(pool, line["pool"]!.GetValue<string>());
        Assert.Equal("at-risk", line["status"]!.GetValue<string>());
        Assert.Equal("raise", line["action"]!.GetValue<string>());
        Assert.Equal(0.053m, line["recommended_bid"]!.GetValue<decimal>());
        Assert.Contains("within 5", line["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(line["dry_run"]!.GetValue<bool>());
        Assert.Equal("0.052", (await _cli.JsonAsync("nodepools", "spot", "get", pool)).Node["spec"]!["bidPrice"]!.GetValue<string>());
    }

    [Fact]
    public async Task Once_exits_0_when_every_pool_is_winning_and_9_when_one_is_losing()
    {
        const string serverClass = "ch.vs1.medium-dfw";
        _cli.Emulator.ScriptMarketPrices(serverClass, [.. Enumerable.Repeat(0.0400m, 24)]);
        await CreatePoolAsync("watch-calm", serverClass, "0.0470");

        var calm = await _cli.RunAsync("pricing", "watch", "--once", "--cloudspace", "watch-calm");
        Assert.True(calm.ExitCode == 0, calm.ToString());
        Assert.Equal("winning", Assert.Single(Lines(calm))["status"]!.GetValue<string>());

        _cli.Emulator.ScriptMarketPrices(serverClass, 0.0500m);
        var losing = await _cli.RunAsync("pricing", "watch", "--once", "--cloudspace", "watch-calm");
        Assert.True(losing.ExitCode == 9, losing.ToString());
        Assert.Equal("losing", Assert.Single(Lines(losing))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_patches_the_bid_and_guard_history_lists_the_change()
    {
        const string serverClass = "mh.vs1.medium-dfw";
        _cli.Emulator.ScriptMarketPrices(serverClass, [.. Enumerable.Repeat(0.0300m, 24)]);
        var pool = await CreatePoolAsync("watch-apply", serverClass, "0.0290");

        var result = await _cli.RunAsync("pricing", "watch", "--once", "--apply", "--cloudspace", "watch-apply", "--margin", "20%", "--max-bid", "$0.05");

        Assert.True(result.ExitCode == 9, result.ToString());
        var line = Assert.Single(Lines(result));
        Assert.True(line["applied"]!.GetValue<bool>());
        Assert.Equal("0.036", (await _cli.JsonAsync("nodepools", "spot", "get", pool)).Node["spec"]!["bidPrice"]!.GetValue<string>());

        var history = (await _cli.JsonAsync("pricing", "guard", "history", "--pool", pool)).Node.AsArray();
        var change = Assert.Single(history)!;
        Assert.Equal(0.029m, change["old_bid"]!.GetValue<decimal>());
        Assert.Equal(0.036m, change["new_bid"]!.GetValue<decimal>());
        Assert.Equal(0.03m, change["market"]!.GetValue<decimal>());
        Assert.Equal("losing", change["status"]!.GetValue<string>());

        var again = await _cli.RunAsync("pricing", "watch", "--once", "--apply", "--cloudspace", "watch-apply", "--margin", "20%");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task Spot_pool_tables_show_market_and_minimum_beside_the_bid()
    {
        const string serverClass = "gp.vs2.medium-dfw";
        _cli.Emulator.ScriptMarketPrices(serverClass, 0.0444m);
        var pool = await CreatePoolAsync("watch-columns", serverClass, "0.0600");

        var list = await _cli.RunAsync("nodepools", "spot", "list", "--cloudspace", "watch-columns", "--no-cache", "-o", "table");
        Assert.Contains("MARKET", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("MINIMUM", list.Stdout, StringComparison.Ordinal);
        var row = Assert.Single(list.Stdout.Split('\n'), l => l.StartsWith(pool, StringComparison.Ordinal));
        Assert.Equal(["$0.060", "$0.0444", "unknown"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4..7]);

        var get = await _cli.RunAsync("nodepools", "spot", "get", pool, "--no-cache", "-o", "table");
        Assert.Contains("$0.0444", get.Stdout, StringComparison.Ordinal);
        Assert.Contains("minimum_bid", get.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--margin", "--margin", "abc")]
    [InlineData("--max-bid", "--max-bid", "0")]
    [InlineData("--budget-hourly", "--budget-hourly", "lots")]
    [InlineData("--budget-monthly", "--budget-monthly", "0")]
    [InlineData("--interval", "--interval", "0")]
    [InlineData("--percentile", "--percentile", "70")]
    public async Task Bad_values_exit_2_with_one_line_naming_the_flag(string flag, string expected, string value)
    {
        var result = await _cli.RunAsync("pricing", "watch", "--once", flag, value);
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    private async Task<string> CreatePoolAsync(string cloudspace, string serverClass, string bid)
    {
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", cloudspace, "--region", "us-central-dfw-1")).ExitCode);
        var pool = (await _cli.JsonAsync("nodepools", "spot", "create", "--cloudspace", cloudspace, "--serverclass", serverClass, "--bid-price", bid, "--desired", "1")).Node;
        return pool["metadata"]!["name"]!.GetValue<string>();
    }

    private static List<JsonObject> Lines(CliResult result) =>
        [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
}
