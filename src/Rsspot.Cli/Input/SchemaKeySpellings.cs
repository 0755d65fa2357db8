using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Input;

/// <summary>
/// Brings a document's keys to the spellings its schema lists: a key matches in any case with '-' and '_' ignored
/// (<see cref="KeyValues.NormalizeKey"/>). A key a closed mapping does not list is refused with the nearest valid
/// one, and so is a key given twice in two spellings.
/// </summary>
internal static class SchemaKeySpellings
{
    /// <summary>A copy of <paramref name="document"/> with its keys spelt as <paramref name="schema"/> spells them.</summary>
    /// <exception cref="CliUsageException">A key is unknown or given twice; the message starts with <paramref name="source"/>.</exception>
    public static JsonObject Conform(JsonObject document, SchemaNode schema, string source) => ConformObject(document, schema, [], source);

    private static JsonNode? Conform(JsonNode? node, SchemaNode? schema, List<string> path, string source) => node switch
    {
        JsonObject obj when schema is not null => ConformObject(obj, schema, path, source),
        JsonArray array => new JsonArray([.. array.Select((item, i) => Conform(item, schema?.Items, [.. path, i.ToString(CultureInfo.InvariantCulture)], source))]),
        _ => node?.DeepClone(),
    };

    private static JsonObject ConformObject(JsonObject obj, SchemaNode schema, List<string> path, string source)
    {
        var names = schema.PropertyNames;
        var result = new JsonObject();
        var writtenAs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            var normalized = KeyValues.NormalizeKey(key);
            var name = names.FirstOrDefault(n => KeyValues.NormalizeKey(n) == normalized);
            if (name is null && schema.ClosesProperties)
            {
                throw new CliUsageException(path.Count == 0 ? $"{source} has an {NearestKey.Describe(key, names)}" : $"{source}: {SchemaComplaint.Place(path)}: {NearestKey.Describe(key, names)}");
            }

            name ??= key;
            if (writtenAs.TryGetValue(name, out var earlier))
            {
                throw new CliUsageException($"{source}: {(path.Count == 0 ? string.Empty : SchemaComplaint.Place(path) + ": ")}'{name}' is given twice, as '{earlier}' and as '{key}'.");
            }

            writtenAs[name] = key;
            result[name] = Conform(value, schema.Property(name), [.. path, name], source);
        }

        return result;
    }
}
