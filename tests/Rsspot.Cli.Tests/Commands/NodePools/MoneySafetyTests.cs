using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Mcp;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.NodePools;

/// <summary>
/// The money guard-rails against the emulator, as a user who set no max bid meets them: no writer sends a bid above
/// the class's on-demand price, numbers are read one way, and plans and the guard agree.
/// </summary>
public sealed class MoneySafetyTests : IClassFixture<CliFixture>
{
    // The emulator's on-demand prices: gp.vs1.medium-dfw 0.0314, gp.vs1.large-dfw 0.0755, gp.vs1.xlarge-dfw 0.151 USD/h.
    private const string Medium = "gp.vs1.medium-dfw";

    private readonly CliFixture _cli;

    public MoneySafetyTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task A_market_glitch_makes_pricing_watch_apply_hold_at_the_ceiling_and_send_no_patch()
    {
        const string serverClass = "mh.vs2.medium-dfw";
        var pool = await CreatePoolAsync("money-glitch", serverClass, "0.02");
        _cli.Emulator.ScriptMarketPrices(serverClass, 99_999m);
        _cli.Emulator.ClearRequestLog();

        var result = await RunDefaultAsync("pricing", "watch", "--once", "--apply", "--cloudspace", "money-glitch");

        Assert.True(result.ExitCode == 9, result.ToString());
        var line = Assert.Single(Lines(result));
        Assert.Equal("losing", line["status"]!.GetValue<string>());
        Assert.Equal("hold", line["action"]!.GetValue<string>());
        Assert.True(line["market_above_ceiling"]!.GetValue<bool>());
        Assert.Contains("market above ceiling", line["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("on-demand price", line["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Emulator.GetRequestLog(), e => e.Method == "PATCH");
        Assert.Equal("0.02", (await _cli.JsonAsync("nodepools", "spot", "get", pool)).Node["spec"]!["bidPrice"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_market_glitch_makes_pricing_build_apply_refuse_before_creating_any_pool()
    {
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", "money-build", "--region", "us-central-dfw-1")).ExitCode);
        foreach (var size in new[] { "medium", "large", "xlarge" })
        {
            _cli.Emulator.ScriptMarketPrices($"ch.vs2.{size}-dfw", 99_999m);
        }

        _cli.Emulator.ClearRequestLog();
        var result = await RunDefaultAsync("pricing", "build", "--nodes", "2", "--family", "ch", "--gen", "2", "--cloudspace", "money-build", "--apply", "--yes", "-o", "json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("above its ceiling", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("on-demand price", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"Bid \$\d+\.\d+ for ch\.vs2\.\w+-dfw", result.Stderr);
        Assert.DoesNotContain(_cli.Emulator.GetRequestLog(), e => e.Method == "POST" && e.Path.Contains("spotnodepools", StringComparison.Ordinal));
        Assert.Empty((await _cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "money-build")).Node.AsArray());
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Mcp_apply_bid_refuses_a_bid_above_the_ceiling_and_sends_no_patch()
    {
        var pool = await CreatePoolAsync("money-mcp", "gp.vs2.medium-dfw", "0.02");
        _cli.Emulator.ClearRequestLog();
        await using var mcp = await McpSession.StartAsync(_cli, "--allow-writes");

        foreach (JsonNode bid in new JsonNode[] { JsonValue.Create(123456.789m), JsonValue.Create("1e28") })
        {
            var refused = await mcp.CallAsync("apply_bid", new JsonObject { ["name"] = pool, ["bid"] = bid });
            Assert.True(McpSession.IsError(refused), refused.ToJsonString());
        }

        // Within the tool's schema (at most 100 USD) but far above the class's ceiling: the SDK refuses it.
        var glitch = await mcp.CallAsync("apply_bid", new JsonObject { ["name"] = pool, ["bid"] = 99.999 });
        Assert.Contains("above its ceiling", McpSession.Text(glitch), StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Emulator.GetRequestLog(), e => e.Method == "PATCH");
        Assert.Equal("0.02", (await _cli.JsonAsync("nodepools", "spot", "get", pool)).Node["spec"]!["bidPrice"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bid_above_the_on_demand_price_is_refused_by_create_and_update_unless_raised_explicitly()
    {
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", "money-create", "--region", "us-central-dfw-1")).ExitCode);
        _cli.Emulator.ClearRequestLog();

        var refused = await RunDefaultAsync("nodepools", "spot", "create", "--cloudspace", "money-create", "--serverclass", Medium, "--bid-price", "0.08");

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"Bid $0.08 for {Medium} is above its ceiling $0.0314 (its on-demand price); nothing was sent.", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--max-bid", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Emulator.GetRequestLog(), e => e.Method == "POST" && e.Path.Contains("spotnodepools", StringComparison.Ordinal));

        var raised = await RunDefaultAsync("nodepools", "spot", "create", "--cloudspace", "money-create", "--serverclass", Medium, "--bid-price", "0.08", "--max-bid", "0.10", "-o", "json");
        Assert.True(raised.ExitCode == 0, raised.ToString());
        var pool = raised.Json["metadata"]!["name"]!.GetValue<string>();

        var update = await RunDefaultAsync("nodepools", "spot", "update", pool, "--bid-price", "123456.789");
        Assert.True(update.ExitCode == 2, update.ToString());
        Assert.Contains("above its ceiling", update.Stderr, StringComparison.Ordinal);

        var fromEnvironment = await CliRunner.RunAsync(
            new Dictionary<string, string>(_cli.EnvironmentWithDefaultCeiling) { ["RSSPOT_MAX_BID"] = "0.09" }, null, "nodepools", "spot", "update", pool, "--bid-price", "0.09");
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.ToString());

        var badEnvironment = await CliRunner.RunAsync(
            new Dictionary<string, string>(_cli.EnvironmentWithDefaultCeiling) { ["RSSPOT_MAX_BID"] = "0,09" }, null, "nodepools", "spot", "update", pool, "--bid-price", "0.09");
        Assert.True(badEnvironment.ExitCode == 3, badEnvironment.ToString());
        Assert.Contains("RSSPOT_MAX_BID: '0,09' is not a number", badEnvironment.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-hour", "0,05")]
    [InlineData("--max-hour", "1e-2")]
    [InlineData("--max-month", "1,000")]
    [InlineData("--min-hour", "-1")]
    [InlineData("--vcpu", "$4")]
    [InlineData("--nodes", "2.5")]
    [InlineData("--nodes", "1e3")]
    public async Task Pricing_build_refuses_numbers_not_written_the_invariant_way(string flag, string value)
    {
        var args = flag is "--nodes" or "--vcpu" ? new[] { "pricing", "build", flag, value } : ["pricing", "build", "--nodes", "2", flag, value];

        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{flag}: '{value}' is not a number", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("pricing", "watch", "--once", "--max-bid", "0,05")]
    [InlineData("pricing", "watch", "--once", "--budget-hourly", "1e1")]
    [InlineData("pricing", "watch", "--once", "--margin", "5,5%")]
    [InlineData("nodepools", "spot", "update", "3f1c2a9e-0b7d-4c55-9a51-6f1a2b3c4d5e", "--bid-price", "0,08")]
    [InlineData("nodepools", "spot", "update", "3f1c2a9e-0b7d-4c55-9a51-6f1a2b3c4d5e", "--desired", "1,000")]
    [InlineData("pricing", "list", "--nodes", "0x10")]
    public async Task Money_and_count_flags_share_one_message(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"^(error: )?--[a-z-]+: '[^']*' is not a number; write digits", result.Stderr.Trim());
    }

    [Fact]
    public async Task Counts_beyond_the_sane_bound_are_refused_before_any_request()
    {
        var result = await _cli.RunAsync("nodepools", "spot", "create", "--cloudspace", "money-create", "--serverclass", Medium, "--bid-price", "0.02", "--desired", "2147483647");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("from 0 to 1000", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("low", "1.35")]
    [InlineData("med", "1.20")]
    [InlineData("high", "1.05")]
    public async Task Pricing_build_bids_the_documented_multiple_of_the_market_and_totals_from_the_market(string risk, string multiplier)
    {
        var result = await _cli.JsonAsync("pricing", "build", "--nodes", "3", "--risk", risk, "--single", "--in-region", "us-central-ord-1");

        var pools = result.Node.ToJsonString();
        var factor = decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture);
        var market = _cli.Emulator.GetMarketPrice(FirstClass(result.Node))!.Value;
        Assert.Contains(Services.BidPrice.Format(Services.BidPrice.RoundUp(market * factor)), pools, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pricing_list_shows_available_classes_unless_asked_for_all()
    {
        var available = (await _cli.JsonAsync("pricing", "list")).Node.ToJsonString();
        var all = (await _cli.JsonAsync("pricing", "list", "--all")).Node.ToJsonString();

        Assert.DoesNotContain("\"deprecated\"", available, StringComparison.Ordinal);
        Assert.Contains("\"deprecated\"", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("low")]
    [InlineData("med")]
    [InlineData("high")]
    public async Task A_pool_created_from_a_plan_is_winning_by_the_guards_rule_the_next_minute(string risk)
    {
        var cloudspace = "money-plan-" + risk;
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", cloudspace, "--region", "us-east-iad-1")).ExitCode);

        var apply = await RunDefaultAsync("pricing", "build", "--nodes", "1", "--risk", risk, "--balanced", "--cloudspace", cloudspace, "--apply", "--yes", "-o", "json");
        Assert.True(apply.ExitCode == 0, apply.ToString());

        var watch = await RunDefaultAsync("pricing", "watch", "--once", "--cloudspace", cloudspace);
        Assert.True(watch.ExitCode == 0, watch.ToString());
        Assert.All(Lines(watch), l => Assert.Equal(("winning", "hold"), (l["status"]!.GetValue<string>(), l["action"]!.GetValue<string>())));
    }

    private static string FirstClass(JsonNode build)
    {
        var text = build.ToJsonString();
        var match = System.Text.RegularExpressions.Regex.Match(text, "\"(?:server_class|serverClass|server_class_name|class)\":\"(?<c>[a-z]+\\.[a-z0-9]+\\.[a-z]+-[a-z]+)\"");
        Assert.True(match.Success, text);
        return match.Groups["c"].Value;
    }

    private Task<CliResult> RunDefaultAsync(params string[] args) => CliRunner.RunAsync(_cli.EnvironmentWithDefaultCeiling, null, args);

    private async Task<string> CreatePoolAsync(string cloudspace, string serverClass, string bid)
    {
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", cloudspace, "--region", "us-central-dfw-1")).ExitCode);
        var created = await RunDefaultAsync("nodepools", "spot", "create", "--cloudspace", cloudspace, "--serverclass", serverClass, "--bid-price", bid, "--desired", "1", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        return created.Json["metadata"]!["name"]!.GetValue<string>();
    }

    private static List<JsonObject> Lines(CliResult result) =>
        [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
}
