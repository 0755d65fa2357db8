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
    public static JsonObject Row(PriceRow row) => SharedJson.Without(PriceJson.Row(row, JsonValues.Tools), "raw");

    public static JsonObject RowSchema() => Object(RowProperties());

    public static JsonObject ListItem(PriceListItem item) => SharedJson.Without(PriceJson.ListItem(item, JsonValues.Tools), "raw");

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
        var json = PriceJson.History(history, points, JsonValues.Tools);
        json["note"] = history.Points.Count > points.Count ? $"Only the last {points.Count} of {history.Points.Count} points are listed; the summary covers all of them." : null;
        return json;
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
    public static JsonObject Comparables(PriceRow row)
    {
        var json = PriceJson.Comparables(row, JsonValues.Tools);
        foreach (var comparable in json["comparables"]!.AsArray())
        {
            SharedJson.Without(comparable!.AsObject(), "price_raw");
        }

        return json;
    }

    public static JsonObject ComparablesSchema() => Object(
        ("server_class", String()),
        ("region", String()),
        ("market_per_hour", NullableNumber()),
        ("hyperscaler_average", NullableNumber()),
        ("comparables", Array(Object(("cloud", NullableString()), ("class", NullableString()), ("price_per_hour", NullableNumber())))));

    /// <summary>The CLI's build, with the failure as its message, the pools' bid as <c>bid</c> and without bid sources and exclusions.</summary>
    public static JsonObject Build(ClusterBuildResult result)
    {
        var json = PriceJson.Build(result, JsonValues.Tools);
        json["failure"] = result.Failure?.Message;
        foreach (var scenario in json["scenarios"]!.AsArray())
        {
            var sc = SharedJson.Without(scenario!.AsObject(), "exclusions");
            foreach (var pool in sc["pools"]!.AsArray())
            {
                SharedJson.Renamed(SharedJson.Without(pool!.AsObject(), "bid_source"), "bid_per_node_hour", "bid");
            }
        }

        return json;
    }

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
