using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Generated.Api.Models;
using Rsspot.Http;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>Reads the public percentiles and comparable-prices documents into quotes.</summary>
internal static class PriceDocuments
{
    public static IEnumerable<PercentileQuote> Percentiles(JsonObject? document)
    {
        foreach (var (region, regionNode) in Entries(document?["regions"] as JsonObject))
        {
            var generation = Text(regionNode, "generation");
            foreach (var (name, entry) in Entries(regionNode["serverclasses"] as JsonObject))
            {
                yield return new PercentileQuote(region, name)
                {
                    Generation = generation,
                    DisplayName = Text(entry, "display_name"),
                    Category = Text(entry, "category"),
                    Cpu = Text(entry, "cpu"),
                    Memory = Text(entry, "memory"),
                    MarketPrice = Text(entry, "market_price"),
                    P20 = Number(entry, "20_percentile"),
                    P50 = Number(entry, "50_percentile"),
                    P80 = Number(entry, "80_percentile"),
                };
            }
        }
    }

    public static IEnumerable<ComparableQuote> Comparables(JsonObject? document)
    {
        foreach (var (region, classes) in Entries(document?["regions"] as JsonObject))
        {
            foreach (var (name, entry) in Entries(classes))
            {
                var offers = (entry["comparables"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Select(o => new ComparableOffer(Text(o, "cloud"), Text(o, "class"), Text(o, "price")))
                    .ToList();
                yield return new ComparableQuote(region, name) { HyperscalerAveragePrice = Text(entry, "hyperscaler_average_price"), Comparables = offers };
            }
        }
    }

    private static IEnumerable<(string Key, JsonObject Value)> Entries(JsonObject? map) =>
        map is null ? [] : map.Where(kv => kv.Value is JsonObject).Select(kv => (kv.Key, (JsonObject)kv.Value!));

    // A value the document types as text is read from a string or a JSON number (as its invariant text); a boolean,
    // object or array where a price belongs makes the document unusable (an error), never an empty column.
    private static string? Text(JsonObject node, string name) => node[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.TryGetValue<decimal>(out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.ToJsonString(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
        var other => throw WrongType(name, other),
    };

    private static decimal? Number(JsonObject node, string name) => node[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number) => number,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => PriceText.ParseUsd(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
        var other => throw WrongType(name, other),
    };

    private static SpotException WrongType(string name, JsonNode node) =>
        ApiCall.FromHttp(
            "read the public price documents",
            new UnexpectedResponseException($"the price document has a JSON {node.GetValueKind().ToString().ToLowerInvariant()} in '{Security.ServerText.Clean(name)}' where a price or text belongs", HttpStatusCode.OK));
}
