using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Pricing;

namespace Rsspot.Cli.Output;

/// <summary>The JSON of the pricing commands: price rows, histories, hyperscaler comparisons and cluster builds.</summary>
internal static class PriceJson
{
    public static JsonObject ListItem(PriceListItem item)
    {
        var json = Row(item.Row);
        json["nodes"] = item.Nodes;
        json["total_market_per_hour"] = JsonModels.Value(item.MarketPerHour);
        json["total_market_per_month"] = JsonModels.Value(item.MarketPerMonth);
        json["total_vcpu"] = JsonModels.Value(item.Vcpu);
        json["total_memory_gb"] = JsonModels.Value(item.MemoryGb);
        return json;
    }

    public static JsonObject Row(PriceRow row) => new()
    {
        ["server_class"] = row.ClassName,
        ["region"] = row.Region,
        ["family"] = row.Family,
        ["generation"] = row.Generation,
        ["category"] = row.Category,
        ["availability"] = row.Availability,
        ["cpu"] = JsonModels.Value(row.Cpu),
        ["memory_gb"] = JsonModels.Value(row.MemoryGb),
        ["market_per_hour"] = JsonModels.Value(row.MarketPerHour),
        ["hammer_per_hour"] = JsonModels.Value(row.HammerPerHour),
        ["on_demand_per_hour"] = JsonModels.Value(row.OnDemandPerHour),
        ["minimum_bid_per_hour"] = JsonModels.Value(row.MinimumBidPerHour),
        ["p20"] = JsonModels.Value(row.P20),
        ["p50"] = JsonModels.Value(row.P50),
        ["p80"] = JsonModels.Value(row.P80),
        ["hyperscaler_average"] = JsonModels.Value(row.HyperscalerAverage),
        ["raw"] = new JsonObject
        {
            ["cpu"] = row.CpuRaw,
            ["memory"] = row.MemoryRaw,
            ["market"] = row.MarketRaw,
            ["hammer"] = row.HammerRaw,
            ["on_demand"] = row.OnDemandRaw,
            ["minimum_bid"] = row.MinimumBidRaw,
        },
    };

    /// <summary>A history as JSON: the summary of all points, and <paramref name="points"/> (all, or the last few).</summary>
    public static JsonObject History(PriceHistory history, IEnumerable<PricePoint> points)
    {
        var summary = history.Summary;
        return new JsonObject
        {
            ["server_class"] = history.ServerClass,
            ["sparkline"] = history.Sparkline(),
            ["summary"] = summary is null ? null : new JsonObject
            {
                ["count"] = summary.Count,
                ["from"] = summary.From.ToString("O", CultureInfo.InvariantCulture),
                ["to"] = summary.To.ToString("O", CultureInfo.InvariantCulture),
                ["min"] = summary.Min,
                ["max"] = summary.Max,
                ["first"] = summary.First,
                ["last"] = summary.Last,
                ["mean"] = summary.Mean,
            },
            ["points"] = new JsonArray([.. points.Select(pt => (JsonNode)new JsonObject { ["at"] = pt.At.ToString("O", CultureInfo.InvariantCulture), ["hammer_per_hour"] = pt.HammerPerHour })]),
        };
    }

    /// <summary>Per region of a class: its market price and the comparable hyperscaler prices.</summary>
    public static JsonArray Comparables(IEnumerable<PriceRow> rows) => new([.. rows.Select(r => (JsonNode)new JsonObject
    {
        ["server_class"] = r.ClassName,
        ["region"] = r.Region,
        ["market_per_hour"] = JsonModels.Value(r.MarketPerHour),
        ["hyperscaler_average"] = JsonModels.Value(r.HyperscalerAverage),
        ["comparables"] = new JsonArray([.. r.Comparables.Select(c => (JsonNode)new JsonObject { ["cloud"] = c.Cloud, ["class"] = c.ClassName, ["price_per_hour"] = JsonModels.Value(c.PricePerHour), ["price_raw"] = c.Price })]),
    })]);

    public static string StrategyName(BuildStrategy strategy) => strategy switch
    {
        BuildStrategy.MaxPerformance => "max_performance",
        BuildStrategy.MaxValue => "max_value",
        _ => "balanced",
    };

    public static JsonObject Build(ClusterBuildResult result) => new()
    {
        ["risk"] = result.Request.Risk.ToShortName(),
        ["candidates_considered"] = result.CandidatesConsidered,
        ["candidates_eligible"] = result.CandidatesEligible,
        ["failure"] = result.Failure is null ? null : new JsonObject { ["constraint"] = result.Failure.Constraint.ToString(), ["message"] = result.Failure.Message },
        ["scenarios"] = new JsonArray([.. result.Scenarios.Select(sc => (JsonNode)new JsonObject
        {
            ["strategy"] = StrategyName(sc.Strategy),
            ["feasible"] = sc.IsFeasible,
            ["failure"] = sc.Failure?.Message,
            ["nodes"] = sc.Nodes,
            ["hourly_cost"] = sc.HourlyCost,
            ["monthly_cost"] = sc.MonthlyCost,
            ["vcpu"] = sc.Vcpu,
            ["memory_gb"] = sc.MemoryGb,
            ["pools"] = new JsonArray([.. sc.Pools.Select(pl => (JsonNode)new JsonObject
            {
                ["server_class"] = pl.ServerClass,
                ["region"] = pl.Region,
                ["nodes"] = pl.Nodes,
                ["bid_per_node_hour"] = pl.BidPerNodeHour,
                ["bid_source"] = pl.BidSource == BidSource.Percentile ? "percentile" : "market_multiplier",
                ["bid_basis"] = pl.BidBasis,
                ["market_per_hour"] = pl.MarketPerHour,
                ["hourly_cost"] = pl.HourlyCost,
            })]),
            ["notes"] = new JsonArray([.. sc.Notes.Select(n => (JsonNode)n)]),
            ["exclusions"] = new JsonArray([.. sc.Exclusions.Select(e => (JsonNode)new JsonObject { ["server_class"] = e.ServerClass, ["region"] = e.Region, ["constraint"] = e.Constraint.ToString(), ["reason"] = e.Reason })]),
        })]),
    };
}
