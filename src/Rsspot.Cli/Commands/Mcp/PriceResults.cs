using System.Text.Json.Nodes;
using Rsspot.Cli.Output;
using Rsspot.Pricing;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Prices as the tools return them (USD per node-hour unless a name says otherwise). The tools' own shapes, not the
/// CLI's <c>-o json</c>: a tool's output schema is a promise to agents that CLI output changes must not break.
/// </summary>
internal static class PriceResults
{
    public static JsonObject Row(PriceRow row) => new()
    {
        ["server_class"] = row.ClassName,
        ["region"] = row.Region,
        ["family"] = row.Family,
        ["generation"] = row.Generation,
        ["category"] = row.Category,
        ["availability"] = row.Availability,
        ["cpu"] = Json.Number(row.Cpu),
        ["memory_gb"] = Json.Number(row.MemoryGb),
        ["market_per_hour"] = Json.Number(row.MarketPerHour),
        ["hammer_per_hour"] = Json.Number(row.HammerPerHour),
        ["on_demand_per_hour"] = Json.Number(row.OnDemandPerHour),
        ["minimum_bid_per_hour"] = Json.Number(row.MinimumBidPerHour),
        ["p20"] = Json.Number(row.P20),
        ["p50"] = Json.Number(row.P50),
        ["p80"] = Json.Number(row.P80),
        ["hyperscaler_average"] = Json.Number(row.HyperscalerAverage),
    };

    public static JsonObject RowSchema() => Object(RowProperties());

    public static JsonObject ListItem(PriceListItem item)
    {
        var json = Row(item.Row);
        json["nodes"] = item.Nodes;
        json["total_market_per_hour"] = Json.Number(item.MarketPerHour);
        json["total_market_per_month"] = Json.Number(item.MarketPerMonth);
        json["total_vcpu"] = Json.Number(item.Vcpu);
        json["total_memory_gb"] = Json.Number(item.MemoryGb);
        return json;
    }

    public static JsonObject ListItemSchema() => Object(
    [
        .. RowProperties(),
        ("nodes", Integer()),
        ("total_market_per_hour", NullableNumber()),
        ("total_market_per_month", NullableNumber()),
        ("total_vcpu", NullableNumber()),
        ("total_memory_gb", NullableNumber()),
    ]);

    /// <summary>A class's history: a summary of all points and <paramref name="points"/> (the most recent few).</summary>
    public static JsonObject History(PriceHistory history, IReadOnlyList<PricePoint> points)
    {
        var summary = history.Summary;
        return new JsonObject
        {
            ["server_class"] = history.ServerClass,
            ["sparkline"] = history.Sparkline(),
            ["summary"] = summary is null ? null : new JsonObject
            {
                ["count"] = summary.Count,
                ["from"] = Json.Time(summary.From),
                ["to"] = Json.Time(summary.To),
                ["min"] = Json.Number(summary.Min),
                ["max"] = Json.Number(summary.Max),
                ["first"] = Json.Number(summary.First),
                ["last"] = Json.Number(summary.Last),
                ["mean"] = Json.Number(summary.Mean),
            },
            ["points"] = new JsonArray([.. points.Select(pt => (JsonNode)new JsonObject { ["at"] = Json.Time(pt.At), ["hammer_per_hour"] = Json.Number(pt.HammerPerHour) })]),
            ["note"] = history.Points.Count > points.Count ? $"Only the last {points.Count} of {history.Points.Count} points are listed; the summary covers all of them." : null,
        };
    }

    public static JsonObject HistorySchema() => Object(
        ("server_class", String()),
        ("sparkline", String()),
        ("summary", Nullable(Object(
            ("count", Integer()),
            ("from", String()),
            ("to", String()),
            ("min", Number()),
            ("max", Number()),
            ("first", Number()),
            ("last", Number()),
            ("mean", Number())))),
        ("points", Array(Object(("at", String()), ("hammer_per_hour", Number())))),
        ("note", NullableString()));

    /// <summary>Per region of a class: its market price and the comparable hyperscaler prices.</summary>
    public static JsonObject Comparables(PriceRow row) => new()
    {
        ["server_class"] = row.ClassName,
        ["region"] = row.Region,
        ["market_per_hour"] = Json.Number(row.MarketPerHour),
        ["hyperscaler_average"] = Json.Number(row.HyperscalerAverage),
        ["comparables"] = new JsonArray([.. row.Comparables.Select(c => (JsonNode)new JsonObject { ["cloud"] = c.Cloud, ["class"] = c.ClassName, ["price_per_hour"] = Json.Number(c.PricePerHour) })]),
    };

    public static JsonObject ComparablesSchema() => Object(
        ("server_class", String()),
        ("region", String()),
        ("market_per_hour", NullableNumber()),
        ("hyperscaler_average", NullableNumber()),
        ("comparables", Array(Object(("cloud", NullableString()), ("class", NullableString()), ("price_per_hour", NullableNumber())))));

    public static JsonObject Build(ClusterBuildResult result) => new()
    {
        ["risk"] = result.Request.Risk.ToShortName(),
        ["candidates_considered"] = result.CandidatesConsidered,
        ["candidates_eligible"] = result.CandidatesEligible,
        ["failure"] = result.Failure?.Message,
        ["scenarios"] = new JsonArray([.. result.Scenarios.Select(sc => (JsonNode)new JsonObject
        {
            ["strategy"] = PriceJson.StrategyName(sc.Strategy),
            ["feasible"] = sc.IsFeasible,
            ["failure"] = sc.Failure?.Message,
            ["nodes"] = sc.Nodes,
            ["hourly_cost"] = Json.Number(sc.HourlyCost),
            ["monthly_cost"] = Json.Number(sc.MonthlyCost),
            ["vcpu"] = Json.Number(sc.Vcpu),
            ["memory_gb"] = Json.Number(sc.MemoryGb),
            ["pools"] = new JsonArray([.. sc.Pools.Select(pl => (JsonNode)new JsonObject
            {
                ["server_class"] = pl.ServerClass,
                ["region"] = pl.Region,
                ["nodes"] = pl.Nodes,
                ["bid"] = Json.Number(pl.BidPerNodeHour),
                ["bid_basis"] = pl.BidBasis,
                ["market_per_hour"] = Json.Number(pl.MarketPerHour),
                ["hourly_cost"] = Json.Number(pl.HourlyCost),
            })]),
            ["notes"] = new JsonArray([.. sc.Notes.Select(n => (JsonNode)n)]),
        })]),
    };

    public static JsonObject BuildSchema() => Object(
        ("risk", String()),
        ("candidates_considered", Integer()),
        ("candidates_eligible", Integer()),
        ("failure", NullableString()),
        ("scenarios", Array(Object(
            ("strategy", String()),
            ("feasible", Boolean()),
            ("failure", NullableString()),
            ("nodes", Integer()),
            ("hourly_cost", Number()),
            ("monthly_cost", Number()),
            ("vcpu", Number()),
            ("memory_gb", Number()),
            ("pools", Array(Object(
                ("server_class", String()),
                ("region", String()),
                ("nodes", Integer()),
                ("bid", Number()),
                ("bid_basis", String()),
                ("market_per_hour", Number()),
                ("hourly_cost", Number())))),
            ("notes", Array(String()))))));

    private static (string, JsonObject)[] RowProperties() =>
    [
        ("server_class", String()),
        ("region", String()),
        ("family", NullableString()),
        ("generation", NullableString()),
        ("category", NullableString()),
        ("availability", NullableString()),
        ("cpu", NullableNumber()),
        ("memory_gb", NullableNumber()),
        ("market_per_hour", NullableNumber()),
        ("hammer_per_hour", NullableNumber()),
        ("on_demand_per_hour", NullableNumber()),
        ("minimum_bid_per_hour", NullableNumber()),
        ("p20", NullableNumber()),
        ("p50", NullableNumber()),
        ("p80", NullableNumber()),
        ("hyperscaler_average", NullableNumber()),
    ];
}
