using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Cli.Input;

/// <summary>
/// A schema's refusal of a document as one line for a person: the place (<c>spotNodePools[0].bidPrice</c>), the value
/// (short, secrets masked), the type wanted and what the schema's descriptions say of that place.
/// </summary>
internal static class SchemaComplaint
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The first problem in the file, in words: of the top-level keys refused, the one written first, and within it
    /// the deepest place refused (a problem of the whole spec, such as a missing key, only when no key is refused).
    /// </summary>
    public static string Describe(IReadOnlyList<SchemaRefusal> refusals, JsonObject spec, SchemaNode root)
    {
        var order = spec.Select((kv, i) => (kv.Key, i)).ToDictionary(k => k.Key, k => k.i, StringComparer.Ordinal);
        var first = refusals
            .Where(r => r.Path.Count > 0)
            .GroupBy(r => r.Path[0], StringComparer.Ordinal)
            .OrderBy(g => order.TryGetValue(g.Key, out var at) ? at : int.MaxValue)
            .FirstOrDefault();
        var path = (first is null ? refusals : first.ToList()).MaxBy(r => r.Path.Count)!.Path;
        var keywords = refusals.Where(r => r.Path.SequenceEqual(path)).Select(r => r.Keyword).ToHashSet(StringComparer.Ordinal);
        var (schema, value) = Locate(root, spec, path);
        var where = path.Count == 0 ? "the spec" : Place(path);
        if (keywords.Contains("required") && schema is not null && value is JsonObject present)
        {
            var missing = schema.Required.Where(r => !present.ContainsKey(r)).ToList();
            var about = missing.Count == 1 ? schema.Property(missing[0])?.Description : null;
            return $"{where}: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} required{(about is null ? "." : $": {about}")}";
        }

        var expected = keywords.Contains("type") && schema?.Expected is { } type ? $" (expected {type})" : string.Empty;
        var meaning = schema?.Description ?? $"refused by the schema's {string.Join(", ", keywords)}.";
        return $"{where}: {Shown(value)} is invalid{expected}: {meaning}";
    }

    private static (SchemaNode? Schema, JsonNode? Value) Locate(SchemaNode root, JsonNode? spec, IReadOnlyList<string> path)
    {
        SchemaNode? schema = root;
        var value = spec;
        foreach (var segment in path)
        {
            schema = value is JsonArray ? schema?.Items : schema?.Property(segment);
            value = value switch
            {
                JsonArray array when int.TryParse(segment, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                JsonObject obj => obj[segment],
                _ => null,
            };
        }

        return (schema, value);
    }

    /// <summary>A value for a message: short, one line, secrets in it masked.</summary>
    private static string Shown(JsonNode? value)
    {
        var text = value is null ? "null" : value.ToJsonString(Compact);
        text = ServerText.Redact(text) ?? string.Empty;
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>spotNodePools[0].bidPrice for the JSON pointer /spotNodePools/0/bidPrice.</summary>
    public static string Place(IReadOnlyList<string> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment.All(char.IsAsciiDigit) && text.Length > 0)
            {
                text.Append('[').Append(segment).Append(']');
            }
            else
            {
                text.Append(text.Length > 0 ? "." : string.Empty).Append(segment);
            }
        }

        return text.ToString();
    }
}
