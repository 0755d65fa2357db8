using System.Globalization;
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
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        UntypedNode node => FromUntyped(node),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        float or double => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        decimal number => JsonValue.Create(number),
        DateTimeOffset time => JsonValue.Create(time),
        DateTime time => JsonValue.Create(time),
        Guid id => JsonValue.Create(id),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static JsonNode? FromUntyped(UntypedNode node)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, node);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return JsonNode.Parse(reader.ReadToEnd());
    }

    private static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        UntypedString s => s.GetValue() ?? string.Empty,
        _ => ToJson(value)?.ToString() ?? string.Empty,
    };
}
