using System.Text.Json.Nodes;
using Rsspot.Pricing;
using Rsspot.State;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// The bid guard for agents: its verdict on every spot pool (read-only), and applying its recommendations
/// (a write tool, present only with <c>--allow-writes</c>). Each pool comes as one JSON object of the same shape as a
/// line of <c>rsspot pricing watch</c>.
/// </summary>
internal static class BidGuardTools
{
    public static IEnumerable<McpTool> Read() =>
    [
        McpTool.Read(
            "bid_guard_status",
            "The bid guard's verdict on each spot pool: winning, at-risk (bid within the margin of the market, or the market rising towards it) or losing (bid below the market, or fewer nodes won than desired), with the reason, the figures it used (bid, market, hammer, P20/P50/P80, trend) and the bid it recommends. Use it to check whether spot pools keep their nodes, or before changing a bid. Changes nothing.",
            PolicySchema(),
            async (call, ct) =>
            {
                var guard = new BidGuard(call.Client, Policy(call));
                return Result(call, await guard.RunAsync(call.String("cloudspace"), apply: false, ct).ConfigureAwait(false));
            }),
    ];

    public static IEnumerable<McpTool> Write() =>
    [
        McpTool.Write(
            "apply_bid_guard",
            "Apply the bid guard's recommendations: raise the bids of at-risk and losing spot pools, lower bids far above the market, never above max_bid or over the budget; lowerings first. Each change is recorded in the guard history (rsspot pricing guard history); a pool whose patch fails keeps its bid and says why. Call bid_guard_status first to see what would change. Changes the account and what it pays.",
            PolicySchema(),
            async (call, ct) =>
            {
                var client = call.Client;
                using var changes = StateStore.Open(client.Profile.StatePath ?? client.Resolved.StatePath);
                var guard = new BidGuard(client, Policy(call), changes);
                return Result(call, await guard.RunAsync(call.String("cloudspace"), apply: true, ct).ConfigureAwait(false));
            }),
    ];

    private static ToolSchema PolicySchema() => new ToolSchema()
        .String("cloudspace", "Only this cloudspace's spot pools (default: every cloudspace).")
        .Number("margin_percent", "Head-room over the market in percent (default 10).", minimum: 0)
        .Integer("percentile", "Percentile of recent clearing prices to bid at: 20, 50 or 80 (default 80).", minimum: 20, maximum: 80)
        .Number("max_bid", "Highest bid of any pool, USD per node-hour.", minimum: 0)
        .Number("budget_hourly", "Cluster budget: the sum of bid x desired nodes, USD per hour.", minimum: 0)
        .Number("budget_monthly", "Cluster budget in USD per month (730 h).", minimum: 0)
        .Paged();

    private static BidGuardPolicy Policy(ToolCall call)
    {
        var margin = call.Decimal("margin_percent") ?? 10m;
        if (margin is < 0m or > 1000m)
        {
            throw new ToolInputException($"'margin_percent' is {margin}; give 0..1000.");
        }

        var percentile = call.Int("percentile") ?? 80;
        if (percentile is not (20 or 50 or 80))
        {
            throw new ToolInputException($"'percentile' is {percentile}; give 20, 50 or 80.");
        }

        return new BidGuardPolicy
        {
            Margin = margin / 100m,
            TargetPercentile = percentile,
            MaxBid = Positive(call, "max_bid"),
            BudgetHourly = Positive(call, "budget_hourly"),
            BudgetMonthly = Positive(call, "budget_monthly"),
        };
    }

    private static decimal? Positive(ToolCall call, string name) => call.Decimal(name) switch
    {
        null => null,
        > 0m and <= 1_000_000m and var value => value,
        var value => throw new ToolInputException($"'{name}' is {value}; give a USD amount above 0, such as 0.12."),
    };

    /// <summary>The round's totals and a page of its pools, each as <c>pricing watch</c> prints it.</summary>
    private static JsonObject Result(ToolCall call, BidGuardRound round)
    {
        var at = DateTimeOffset.UtcNow;
        var plan = round.Plan;
        var pools = plan.Recommendations.Select(r => (JsonNode)PricingWatchCommand.PoolJson(r, round, at)).ToList();
        var result = ToolResults.Page(call, pools, "pools");
        result["dry_run"] = !round.Applied;
        result["all_winning"] = plan.AllWinning;
        result["winning"] = plan.Recommendations.Count(r => r.Status == PoolBidStatus.Winning);
        result["at_risk"] = plan.Recommendations.Count(r => r.Status == PoolBidStatus.AtRisk);
        result["losing"] = plan.Recommendations.Count(r => r.Status == PoolBidStatus.Losing);
        result["hourly_bids_before"] = plan.HourlyBefore;
        result["hourly_bids_after"] = plan.HourlyAfter;
        result["hourly_budget"] = plan.HourlyBudget is { } budget ? Math.Round(budget, 4) : null;
        if (round.Applied)
        {
            result["applied"] = round.Changes.Count;
            result["failed"] = round.Failed.Count;
            result["deferred"] = round.Deferred.Count;
        }

        return result;
    }
}
