using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>
/// Conversions for the map-shaped parts of the generated models (labels, assigned servers), which Kiota keeps in
/// <c>AdditionalData</c>.
/// </summary>
public static class ModelMaps
{
    /// <summary>A string map from a dictionary (null stays null).</summary>
    public static StringMap? ToStringMap(IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return null;
        }

        var map = new StringMap();
        foreach (var (key, value) in values)
        {
            map.AdditionalData[key] = value;
        }

        return map;
    }

    /// <summary>The entries of a string map (labels, annotations).</summary>
    public static IReadOnlyDictionary<string, string> ToDictionary(StringMap? map) =>
        map?.AdditionalData.ToDictionary(kv => kv.Key, kv => ToText(kv.Value), StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The entries of any additional-data holder as JSON objects (for maps of objects).</summary>
    public static IReadOnlyDictionary<string, JsonObject> ToObjects(IAdditionalDataHolder? holder) =>
        holder?.AdditionalData
            .Select(kv => (kv.Key, Node: ToJson(kv.Value) as JsonObject))
            .Where(e => e.Node is not null)
            .ToDictionary(e => e.Key, e => e.Node!, StringComparer.Ordinal)
        ?? new Dictionary<string, JsonObject>(StringComparer.Ordinal);

    /// <summary>Any value Kiota put in additional data, as JSON.</summary>
    public static JsonNode? ToJson(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case UntypedNode node:
                using (var writer = new JsonSerializationWriter())
                {
                    writer.WriteObjectValue(null, node);
                    using var reader = new StreamReader(writer.GetSerializedContent());
                    return JsonNode.Parse(reader.ReadToEnd());
                }

            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case int number:
                return JsonValue.Create(number);
            case long number:
                return JsonValue.Create(number);
            case float number:
                return JsonValue.Create(number);
            case double number:
                return JsonValue.Create(number);
            case decimal number:
                return JsonValue.Create(number);
            case DateTimeOffset time:
                return JsonValue.Create(time);
            case DateTime time:
                return JsonValue.Create(time);
            case Guid id:
                return JsonValue.Create(id);
            default:
                return JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        UntypedString s => s.GetValue() ?? string.Empty,
        _ => ToJson(value)?.ToString() ?? string.Empty,
    };
}
