using System.Text.Json.Nodes;
using Rsspot.Cli.Output;
using Rsspot.Pricing;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>A bid guard round as the tools return it: totals and a page of pools, each with its verdict and figures.</summary>
internal static class GuardResults
{
    public static JsonObject Round(ToolCall call, BidGuardRound round)
    {
        var plan = round.Plan;
        var result = ToolResults.Page(call, plan.Recommendations.Select(r => Pool(r, round)), "pools");
        result["dry_run"] = !round.Applied;
        result["all_winning"] = plan.AllWinning;
        result["winning"] = plan.Recommendations.Count(r => r.Status == PoolBidStatus.Winning);
        result["at_risk"] = plan.Recommendations.Count(r => r.Status == PoolBidStatus.AtRisk);
        result["losing"] = plan.Recommendations.Count(r => r.Status == PoolBidStatus.Losing);
        result["hourly_bids_before"] = Json.Number(plan.HourlyBefore);
        result["hourly_bids_after"] = Json.Number(plan.HourlyAfter);
        result["hourly_budget"] = plan.HourlyBudget is { } budget ? Json.Number(Math.Round(budget, 4)) : null;
        result["applied"] = round.Changes.Count;
        result["failed"] = round.Failed.Count;
        result["deferred"] = round.Deferred.Count;
        return result;
    }

    public static JsonObject RoundSchema() => Page(
        PoolSchema(),
        ("dry_run", Boolean()),
        ("all_winning", Boolean()),
        ("winning", Integer()),
        ("at_risk", Integer()),
        ("losing", Integer()),
        ("hourly_bids_before", Number()),
        ("hourly_bids_after", Number()),
        ("hourly_budget", NullableNumber()),
        ("applied", Integer()),
        ("failed", Integer()),
        ("deferred", Integer()));

    // The CLI's pool line without what the tool's schema leaves out (the round says dry_run once).
    private static JsonObject Pool(BidRecommendation r, BidGuardRound round) =>
        SharedJson.Without(GuardJson.Pool(r, round, JsonValues.Tools), "pending", "on_demand", "ceiling", "market_above_ceiling", "dry_run");

    private static JsonObject PoolSchema() => Object(
        ("cloudspace", NullableString()),
        ("pool", String()),
        ("server_class", String()),
        ("desired", Integer()),
        ("won_count", NullableInteger()),
        ("bid_status", NullableString()),
        ("bid", NullableNumber()),
        ("market", NullableNumber()),
        ("hammer", NullableNumber()),
        ("reserve", NullableNumber()),
        ("p20", NullableNumber()),
        ("p50", NullableNumber()),
        ("p80", NullableNumber()),
        ("trend_per_auction", NullableNumber()),
        ("status", String()),
        ("action", String()),
        ("recommended_bid", NullableNumber()),
        ("target", NullableNumber()),
        ("limited_by_max_bid", Boolean()),
        ("limited_by_budget", Boolean()),
        ("reason", String()),
        ("applied", Boolean()),
        ("deferred", Boolean()),
        ("error", NullableString()));
}
