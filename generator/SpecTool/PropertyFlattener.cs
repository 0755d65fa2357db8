using Microsoft.OpenApi.Models;

namespace Rsspot.SpecTool;

/// <summary>Turns a schema into dotted property paths with a normalised type, inline and referenced alike.</summary>
internal static class PropertyFlattener
{
    public static IReadOnlyDictionary<string, string> Flatten(OpenApiSchema schema)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(schema, string.Empty, result, []);
        return result;
    }

    private static void Walk(OpenApiSchema schema, string prefix, IDictionary<string, string> result, HashSet<OpenApiSchema> path)
    {
        if (!path.Add(schema))
        {
            return;
        }

        foreach (var (name, property) in schema.Properties)
        {
            var key = prefix.Length == 0 ? name : $"{prefix}.{name}";
            result[key] = TypeOf(property);
            if (property.Properties.Count > 0)
            {
                Walk(property, key, result, path);
            }
            else if (property.AdditionalProperties is { Properties.Count: > 0 } values)
            {
                Walk(values, $"{key}{{*}}", result, path);
            }
            else if (property.Items is { Properties.Count: > 0 } items)
            {
                Walk(items, $"{key}[]", result, path);
            }
        }

        path.Remove(schema);
    }

    private static string TypeOf(OpenApiSchema schema) => schema.Type switch
    {
        "array" => $"array<{(schema.Items is null ? "any" : TypeOf(schema.Items))}>",
        "object" or null when schema.Properties.Count == 0 => "object",
        null => "object",
        var type when string.IsNullOrEmpty(schema.Format) => type,
        var type => $"{type}/{schema.Format}",
    };
}
