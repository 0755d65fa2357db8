using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Rsspot.Cli.Output;

/// <summary>Turns generated Kiota models into JSON trees with Kiota's own writer, so unknown fields survive.</summary>
internal static class JsonModels
{
    public static JsonNode ToNode(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var stream = writer.GetSerializedContent();
        return JsonNode.Parse(stream) ?? new JsonObject();
    }

    public static JsonArray ToArray<T>(IEnumerable<T> models)
        where T : IParsable => new([.. models.Select(m => (JsonNode?)ToNode(m))]);

    /// <summary>The text at a dotted path (<c>metadata.name</c>), or an empty string.</summary>
    public static string Text(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj ? obj[part] : null;
            if (node is null)
            {
                return string.Empty;
            }
        }

        return node switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            JsonObject obj => string.Join(",", obj.Select(kv => $"{kv.Key}={Text(kv.Value, string.Empty)}")),
            JsonArray array => string.Join(",", array.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : i?.ToJsonString())),
            _ => string.Empty,
        };
    }

    public static JsonNode? Value(decimal? value) => value is null ? null : JsonValue.Create(value.Value);

    public static JsonNode? Value(string? value) => value is null ? null : JsonValue.Create(value);

    /// <summary>A price for a table or a message, written as <see cref="Prices.Table(decimal?)"/> writes it; "unknown" when there is none.</summary>
    public static string Money(decimal? value) => value is null ? "unknown" : Prices.Table(value);

    public static string Number(decimal? value) => value is null ? "" : value.Value.ToString("0.##", CultureInfo.InvariantCulture);
}
