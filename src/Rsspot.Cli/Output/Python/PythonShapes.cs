using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output.Python;

/// <summary>
/// The Python rsspot's summaries of the API's objects (rsspot 0.3.0 services): regions, server classes and price
/// details as it prints them, with prices as its <c>$</c>-prefixed strings of the API's text.
/// </summary>
internal static class PythonShapes
{
    /// <summary>A region: <c>{name, description}</c>.</summary>
    public static JsonObject Region(JsonNode region) => new()
    {
        ["name"] = At(region, "metadata.name"),
        ["description"] = At(region, "spec.description"),
    };

    /// <summary>A server class summary with the three prices as <c>$</c> strings.</summary>
    public static JsonObject ServerClass(JsonNode serverClass) => new()
    {
        ["name"] = At(serverClass, "metadata.name"),
        ["display_name"] = At(serverClass, "spec.displayName"),
        ["category"] = At(serverClass, "spec.category"),
        ["region"] = At(serverClass, "spec.region"),
        ["availability"] = At(serverClass, "spec.availability"),
        ["market_price_per_hour"] = Dollar(At(serverClass, "status.spotPricing.marketPricePerHour")),
        ["min_bid_price_per_hour"] = Dollar(At(serverClass, "spec.minBidPricePerHour")),
        ["on_demand_price_per_hour"] = Dollar(At(serverClass, "spec.onDemandPricing.cost")),
        ["cpu"] = At(serverClass, "spec.resources.cpu"),
        ["memory"] = At(serverClass, "spec.resources.memory"),
    };

    /// <summary><c>pricing get</c>: the price details of one server class.</summary>
    public static JsonObject PriceDetails(JsonNode serverClass) => new()
    {
        ["server_class_name"] = At(serverClass, "metadata.name"),
        ["display_name"] = At(serverClass, "spec.displayName"),
        ["category"] = At(serverClass, "spec.category"),
        ["region"] = At(serverClass, "spec.region"),
        ["market_price"] = Dollar(At(serverClass, "status.spotPricing.marketPricePerHour")),
        ["cpu"] = At(serverClass, "spec.resources.cpu"),
        ["memory"] = At(serverClass, "spec.resources.memory"),
    };

    /// <summary>An organization found by name or id: <c>{name, id, display_name, metadata: {namespace}}</c>.</summary>
    public static JsonObject Organization(OrganizationRef org)
    {
        var json = new JsonObject { ["name"] = org.Name, ["id"] = org.Id };
        if (org.DisplayName is not null)
        {
            json["display_name"] = org.DisplayName;
        }

        json["metadata"] = new JsonObject { ["namespace"] = org.Namespace };
        return json;
    }

    /// <summary>
    /// The API's answer through one of the Python models; date-times written as the API writes them (the answers
    /// read through this tool's models carry them re-serialised).
    /// </summary>
    public static JsonNode? Apply(PythonModel model, JsonNode? answer) => model.Apply(ApiTimestamps.Normalize(answer?.DeepClone()));

    /// <summary>A price as the Python rsspot writes it: the API's text with a <c>$</c> in front; null when there is none.</summary>
    public static JsonNode? Dollar(JsonNode? value)
    {
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();
        return string.IsNullOrEmpty(text) ? null : JsonValue.Create(text.StartsWith('$') ? text : "$" + text);
    }

    /// <summary>A copy of the value at a dotted path; null when any part is missing.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var next) ? next : null;
            if (node is null)
            {
                return null;
            }
        }

        return node?.DeepClone();
    }
}
