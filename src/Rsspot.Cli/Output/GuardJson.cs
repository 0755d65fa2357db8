using System.Text.Json.Nodes;
using Rsspot.Pricing;
using Rsspot.State;

namespace Rsspot.Cli.Output;

/// <summary>The bid guard's JSON: <c>pricing watch</c>'s pool lines (trimmed, also the bid guard's MCP tools) and the applied changes.</summary>
internal static class GuardJson
{
    /// <summary>One pool of a round, stamped with <paramref name="at"/>, by the CLI's number rule.</summary>
    public static JsonObject Pool(BidRecommendation r, BidGuardRound round, DateTimeOffset at)
    {
        var json = Pool(r, round, JsonValues.Cli);
        json.Insert(0, "at", JsonValues.Cli.Time(at));
        return json;
    }

    /// <summary>One pool of a round: its market figures, verdict and what the round did to it.</summary>
    public static JsonObject Pool(BidRecommendation r, BidGuardRound round, JsonValues v)
    {
        var m = r.Pool;
        var failure = round.Failed.FirstOrDefault(f => f.Recommendation.Pool.Pool == m.Pool);
        return new JsonObject
        {
            ["cloudspace"] = m.Cloudspace,
            ["pool"] = m.Pool,
            ["server_class"] = m.ServerClass,
            ["desired"] = m.Desired,
            ["won_count"] = m.WonCount,
            ["bid_status"] = m.BidStatus,
            ["bid"] = v.Number(m.Bid),
            ["market"] = v.Number(m.Market),
            ["hammer"] = v.Number(m.Hammer),
            ["reserve"] = v.Number(m.Minimum),
            ["p20"] = v.Number(m.P20),
            ["p50"] = v.Number(m.P50),
            ["p80"] = v.Number(m.P80),
            ["trend_per_auction"] = v.Number(r.TrendPerAuction),
            ["status"] = BidGuardText.Of(r.Status),
            ["action"] = BidGuardText.Of(r.Action),
            ["recommended_bid"] = v.Number(r.RecommendedBid),
            ["target"] = v.Number(r.Target),
            ["limited_by_max_bid"] = r.LimitedByMaxBid,
            ["limited_by_budget"] = r.LimitedByBudget,
            ["pending"] = m.IsPending,
            ["on_demand"] = v.Number(m.OnDemand),
            ["ceiling"] = v.Number(r.Ceiling),
            ["market_above_ceiling"] = r.MarketAboveCeiling,
            ["reason"] = r.Reason,
            ["dry_run"] = !round.Applied,
            ["applied"] = round.Changes.Any(c => c.Pool == m.Pool),
            ["deferred"] = round.Deferred.Any(d => d.Pool.Pool == m.Pool),
            ["error"] = failure?.Error,
        };
    }

    /// <summary>A bid change the guard applied, as <c>pricing guard history</c> lists it.</summary>
    public static JsonObject Change(BidChange c) => new()
    {
        ["id"] = c.Id,
        ["at"] = JsonValues.Cli.Time(c.At),
        ["cloudspace"] = c.Cloudspace,
        ["pool"] = c.Pool,
        ["server_class"] = c.ServerClass,
        ["old_bid"] = c.OldBid,
        ["new_bid"] = c.NewBid,
        ["market"] = JsonValues.Cli.Number(c.Market),
        ["status"] = c.Status,
        ["reason"] = c.Reason,
    };
}
