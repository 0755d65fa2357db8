using System.Text.Json.Nodes;
using Rsspot.Pricing;

namespace Rsspot.Cli.Output;

/// <summary>The JSON of the pricing commands: price rows, histories, hyperscaler comparisons and cluster builds.</summary>
/// <remarks>
/// The CLI's shapes; the MCP tools build theirs from these with <see cref="JsonValues.Tools"/> and drop or rename the
/// few keys their output schemas leave out. A builder not given its values uses the CLI's rule.
/// </remarks>
internal static class PriceJson
{
    public static JsonObject ListItem(PriceListItem item, JsonValues? values = null)
    {
        var v = values ?? JsonValues.Cli;
        var json = Row(item.Row, v);
        json["nodes"] = item.Nodes;
        json["total_market_per_hour"] = v.Number(item.MarketPerHour);
        json["total_market_per_month"] = v.Number(item.MarketPerMonth);
        json["total_vcpu"] = v.Number(item.Vcpu);
        json["total_memory_gb"] = v.Number(item.MemoryGb);
        return json;
    }

    public static JsonObject Row(PriceRow row, JsonValues? values = null) => RowJson(row, values ?? JsonValues.Cli);

    private static JsonObject RowJson(PriceRow row, JsonValues v) => new()
    {
        ["server_class"] = row.ClassName,
        ["region"] = row.Region,
        ["family"] = row.Family,
        ["generation"] = row.Generation,
        ["category"] = row.Category,
        ["availability"] = row.Availability,
        ["cpu"] = v.Number(row.Cpu),
        ["memory_gb"] = v.Number(row.MemoryGb),
        ["market_per_hour"] = v.Number(row.MarketPerHour),
        ["hammer_per_hour"] = v.Number(row.HammerPerHour),
        ["on_demand_per_hour"] = v.Number(row.OnDemandPerHour),
        ["minimum_bid_per_hour"] = v.Number(row.MinimumBidPerHour),
        ["p20"] = v.Number(row.P20),
        ["p50"] = v.Number(row.P50),
        ["p80"] = v.Number(row.P80),
        ["hyperscaler_average"] = v.Number(row.HyperscalerAverage),
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
    public static JsonObject History(PriceHistory history, IEnumerable<PricePoint> points, JsonValues? values = null)
    {
        var v = values ?? JsonValues.Cli;
        var summary = history.Summary;
        return new JsonObject
        {
            ["server_class"] = history.ServerClass,
            ["sparkline"] = history.Sparkline(),
            ["summary"] = summary is null ? null : new JsonObject
            {
                ["count"] = summary.Count,
                ["from"] = v.Time(summary.From),
                ["to"] = v.Time(summary.To),
                ["min"] = v.Number(summary.Min),
                ["max"] = v.Number(summary.Max),
                ["first"] = v.Number(summary.First),
                ["last"] = v.Number(summary.Last),
                ["mean"] = v.Number(summary.Mean),
            },
            ["points"] = new JsonArray([.. points.Select(pt => (JsonNode)new JsonObject { ["at"] = v.Time(pt.At), ["hammer_per_hour"] = v.Number(pt.HammerPerHour) })]),
        };
    }

    /// <summary>Per region of a class: its market price and the comparable hyperscaler prices.</summary>
    public static JsonArray Comparables(IEnumerable<PriceRow> rows) => new([.. rows.Select(r => (JsonNode)Comparables(r))]);

    /// <summary>One region of a class: its market price and the comparable hyperscaler prices.</summary>
    public static JsonObject Comparables(PriceRow row, JsonValues? values = null)
    {
        var v = values ?? JsonValues.Cli;
        return new JsonObject
        {
            ["server_class"] = row.ClassName,
            ["region"] = row.Region,
            ["market_per_hour"] = v.Number(row.MarketPerHour),
            ["hyperscaler_average"] = v.Number(row.HyperscalerAverage),
            ["comparables"] = new JsonArray([.. row.Comparables.Select(c => (JsonNode)new JsonObject { ["cloud"] = c.Cloud, ["class"] = c.ClassName, ["price_per_hour"] = v.Number(c.PricePerHour), ["price_raw"] = c.Price })]),
        };
    }

    public static string StrategyName(BuildStrategy strategy) => strategy switch
    {
        BuildStrategy.MaxPerformance => "max_performance",
        BuildStrategy.MaxValue => "max_value",
        _ => "balanced",
    };

    public static JsonObject Build(ClusterBuildResult result, JsonValues? values = null) => BuildJson(result, values ?? JsonValues.Cli);

    private static JsonObject BuildJson(ClusterBuildResult result, JsonValues v) => new()
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
            ["hourly_cost"] = v.Number(sc.HourlyCost),
            ["monthly_cost"] = v.Number(sc.MonthlyCost),
            ["vcpu"] = v.Number(sc.Vcpu),
            ["memory_gb"] = v.Number(sc.MemoryGb),
            ["pools"] = new JsonArray([.. sc.Pools.Select(pl => (JsonNode)new JsonObject
            {
                ["server_class"] = pl.ServerClass,
                ["region"] = pl.Region,
                ["nodes"] = pl.Nodes,
                ["bid_per_node_hour"] = v.Number(pl.BidPerNodeHour),
                ["bid_source"] = pl.BidSource == BidSource.Percentile ? "percentile" : "market_multiplier",
                ["bid_basis"] = pl.BidBasis,
                ["market_per_hour"] = v.Number(pl.MarketPerHour),
                ["hourly_cost"] = v.Number(pl.HourlyCost),
            })]),
            ["notes"] = new JsonArray([.. sc.Notes.Select(n => (JsonNode)n)]),
            ["exclusions"] = new JsonArray([.. sc.Exclusions.Select(e => (JsonNode)new JsonObject { ["server_class"] = e.ServerClass, ["region"] = e.Region, ["constraint"] = e.Constraint.ToString(), ["reason"] = e.Reason })]),
        })]),
    };
}
