using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace Rsspot.SpecTool;

/// <summary>
/// The spec's additions that say where they come from (<c>x-rsspot-source</c>): operations, schemas and
/// properties the published file lacks, learnt from newer clients, each with its source and whether it is certain.
/// </summary>
internal static class SourceNotes
{
    public const string Extension = "x-rsspot-source";

    /// <summary>Every noted operation, schema and property of <paramref name="spec"/> that <paramref name="upstream"/> lacks.</summary>
    public static IReadOnlyList<string> Collect(SpecDocument upstream, SpecDocument spec)
    {
        var theirOperations = upstream.Operations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var theirSchemas = (upstream.Document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>())
            .ToDictionary(kv => SchemaDiff.ShortName(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var op in spec.Operations.Where(o => !theirOperations.Contains(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Note(op.Operation) is { } note)
            {
                notes.Add($"operation `{op.Key}`: {note}");
            }
        }

        foreach (var (name, schema) in (spec.Document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var theirs = theirSchemas.GetValueOrDefault(name);
            if (theirs is null && Note(schema) is { } schemaNote)
            {
                notes.Add($"schema `{name}`: {schemaNote}");
            }

            foreach (var (property, value) in schema.Properties.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if ((theirs is null || !theirs.Properties.ContainsKey(property)) && value.Reference is null && Note(value) is { } propertyNote)
                {
                    notes.Add($"property `{name}.{property}`: {propertyNote}");
                }
            }
        }

        return notes;
    }

    private static string? Note(IOpenApiExtensible element) =>
        element.Extensions.TryGetValue(Extension, out var value) && value is OpenApiString text && !string.IsNullOrWhiteSpace(text.Value) ? text.Value : null;
}
