using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Rsspot.SpecTool;

/// <summary>The validation constraints of one schema node (the root, a property, array items or map values).</summary>
/// <param name="Constraints">Constraint name (<c>pattern</c>, <c>required provider</c>, ...) to its value as text.</param>
/// <param name="StricterNote">The <c>x-rsspot-stricter</c> note of the node, when the spec documents a deliberate departure.</param>
internal sealed record NodeConstraints(IReadOnlyDictionary<string, string> Constraints, string? StricterNote);

/// <summary>Turns a schema into the dotted paths of all its nodes (as <see cref="PropertyFlattener"/> names them) with their constraints.</summary>
internal static partial class ConstraintFlattener
{
    /// <summary>The extension with which the spec documents a constraint it keeps stricter than the published file.</summary>
    public const string StricterExtension = "x-rsspot-stricter";

    /// <summary>The path of the schema's own (root) constraints.</summary>
    public const string RootPath = "(root)";

    public static IReadOnlyDictionary<string, NodeConstraints> Flatten(OpenApiSchema schema)
    {
        var result = new SortedDictionary<string, NodeConstraints>(StringComparer.Ordinal);
        Walk(schema, RootPath, result, []);
        return result;
    }

    private static void Walk(OpenApiSchema schema, string path, IDictionary<string, NodeConstraints> result, HashSet<OpenApiSchema> ancestors)
    {
        if (!ancestors.Add(schema))
        {
            return;
        }

        result[path] = new NodeConstraints(Of(schema), Note(schema));

        var prefix = path == RootPath ? string.Empty : path;
        foreach (var (name, property) in schema.Properties)
        {
            Walk(property, prefix.Length == 0 ? name : $"{prefix}.{name}", result, ancestors);
        }

        if (schema.Items is { } items)
        {
            Walk(items, $"{prefix}[]", result, ancestors);
        }

        if (schema.AdditionalProperties is { } values)
        {
            Walk(values, $"{prefix}{{*}}", result, ancestors);
        }

        ancestors.Remove(schema);
    }

    private static SortedDictionary<string, string> Of(OpenApiSchema schema)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in schema.Required)
        {
            found[$"required {name}"] = "true";
        }

        Add(found, "minLength", schema.MinLength);
        Add(found, "maxLength", schema.MaxLength);
        Add(found, "minimum", schema.Minimum);
        Add(found, "maximum", schema.Maximum);
        if (schema.ExclusiveMinimum == true)
        {
            found["exclusiveMinimum"] = "true";
        }

        if (schema.ExclusiveMaximum == true)
        {
            found["exclusiveMaximum"] = "true";
        }

        if ((schema.Pattern ?? PatternOfValidationRule(schema)) is { } pattern)
        {
            found["pattern"] = pattern;
        }

        if (schema.Enum.Count > 0)
        {
            found["enum"] = string.Join(", ", schema.Enum.Select(Text).Order(StringComparer.Ordinal));
        }

        if (!string.IsNullOrEmpty(schema.Format))
        {
            found["format"] = schema.Format;
        }

        if (schema.Nullable)
        {
            found["nullable"] = "true";
        }

        if (schema.ReadOnly)
        {
            found["readOnly"] = "true";
        }

        return found;
    }

    private static void Add<T>(IDictionary<string, string> found, string name, T? value)
        where T : struct, IFormattable
    {
        if (value is { } set)
        {
            found[name] = set.ToString(null, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Kubernetes CRDs state some patterns as a CEL rule, <c>self.matches('...')</c>, under
    /// <c>x-kubernetes-validations</c>; such a rule is the same constraint as an OpenAPI <c>pattern</c>.
    /// </summary>
    private static string? PatternOfValidationRule(OpenApiSchema schema)
    {
        if (!schema.Extensions.TryGetValue("x-kubernetes-validations", out var rules) || rules is not OpenApiArray list)
        {
            return null;
        }

        foreach (var rule in list.OfType<OpenApiObject>())
        {
            if (rule.TryGetValue("rule", out var text) && text is OpenApiString cel && MatchesRule().Match(cel.Value) is { Success: true } match)
            {
                return match.Groups["pattern"].Value.Replace(@"\\", @"\", StringComparison.Ordinal);
            }
        }

        return null;
    }

    private static string? Note(OpenApiSchema schema) =>
        schema.Extensions.TryGetValue(StricterExtension, out var note) && note is OpenApiString text && !string.IsNullOrWhiteSpace(text.Value)
            ? text.Value
            : null;

    private static string Text(IOpenApiAny value) => value switch
    {
        OpenApiString s => s.Value,
        OpenApiInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiLong l => l.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiDouble d => d.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiBoolean b => b.Value ? "true" : "false",
        OpenApiNull => "null",
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex(@"^\s*self\.matches\('(?<pattern>.*)'\)\s*$")]
    private static partial Regex MatchesRule();
}
