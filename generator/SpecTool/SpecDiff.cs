using System.Text;
using Microsoft.OpenApi.Models;

namespace Rsspot.SpecTool;

/// <summary>Differences between an upstream OpenAPI file and the project's spec.</summary>
internal sealed record SpecDiff(
    IReadOnlyList<string> MissingOperations,
    IReadOnlyList<string> AddedOperations,
    IReadOnlyList<string> ChangedOperations,
    IReadOnlyList<SchemaDiff> Schemas,
    IReadOnlyList<ConstraintChange> Constraints)
{
    /// <summary>The additions that name their source (<c>x-rsspot-source</c>).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>True when the spec lacks a published operation or a published constraint, or departs from one without saying why.</summary>
    public bool Fails => MissingOperations.Count > 0 || Constraints.Any(c => c.IsFailure);

    public static SpecDiff Compare(SpecDocument upstream, SpecDocument spec)
    {
        var theirs = upstream.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var ours = spec.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var missing = theirs.Keys.Except(ours.Keys).Order(StringComparer.Ordinal).ToList();
        var added = ours.Keys.Except(theirs.Keys).Order(StringComparer.Ordinal).Select(k => SourceNote.Describe(ours[k])).ToList();
        var changed = theirs.Keys.Intersect(ours.Keys)
            .Order(StringComparer.Ordinal)
            .SelectMany(k => OperationChanges(theirs[k], ours[k]).Select(c => $"{k}: {c}"))
            .ToList();
        return new SpecDiff(missing, added, changed, SchemaDiff.Compare(upstream.Document, spec.Document), ConstraintChange.Compare(upstream.Document, spec.Document))
        {
            Sources = SourceNotes.Collect(upstream, spec),
        };
    }

    private static IEnumerable<string> OperationChanges(SpecOperation theirs, SpecOperation ours)
    {
        var theirParams = Parameters(theirs);
        var ourParams = Parameters(ours);
        foreach (var p in theirParams.Except(ourParams).Order(StringComparer.Ordinal))
        {
            yield return $"parameter {p} removed";
        }

        foreach (var p in ourParams.Except(theirParams).Order(StringComparer.Ordinal))
        {
            yield return $"parameter {p} added";
        }

        var theirBodies = theirs.Operation.RequestBody?.Content.Keys.ToHashSet() ?? [];
        var ourBodies = ours.Operation.RequestBody?.Content.Keys.ToHashSet() ?? [];
        if (theirBodies.Count > 0 && !theirBodies.Overlaps(ourBodies))
        {
            yield return $"request body {string.Join(", ", theirBodies)} -> {string.Join(", ", ourBodies)}";
        }

        var theirCodes = SuccessCodes(theirs);
        var ourCodes = SuccessCodes(ours);
        if (!theirCodes.SetEquals(ourCodes))
        {
            yield return $"success responses {string.Join(",", theirCodes.Order())} -> {string.Join(",", ourCodes.Order())}";
        }
    }

    private static HashSet<string> Parameters(SpecOperation op) =>
        op.Operation.Parameters.Concat(op.PathItem.Parameters)
            .Where(p => p.In != ParameterLocation.Header)
            .Select(p => $"{p.In?.ToString().ToLowerInvariant()}:{p.Name}")
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> SuccessCodes(SpecOperation op) =>
        op.Operation.Responses.Keys.Where(k => k.StartsWith('2')).ToHashSet(StringComparer.Ordinal);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        Section(text, "Operations missing from the spec", MissingOperations);
        Section(text, "Operations only in the spec", AddedOperations);
        Section(text, "Operations changed", ChangedOperations);
        text.AppendLine("## Schemas");
        var changedSchemas = Schemas.Where(s => s.HasChanges).ToList();
        if (changedSchemas.Count == 0)
        {
            text.AppendLine("- no property added, removed or retyped");
        }

        foreach (var schema in changedSchemas)
        {
            text.AppendLine($"### {schema.Name}");
            foreach (var line in schema.Lines())
            {
                text.AppendLine($"- {line}");
            }
        }

        text.AppendLine();
        text.AppendLine("## Constraints");
        if (Constraints.Count == 0)
        {
            text.AppendLine("- every published constraint is in the spec, and the spec adds none");
        }

        foreach (var schema in Constraints.GroupBy(c => c.Schema, StringComparer.Ordinal))
        {
            text.AppendLine($"### {schema.Key}");
            foreach (var change in schema)
            {
                text.AppendLine($"- {change}");
            }
        }

        text.AppendLine();
        Section(text, $"Additions and their sources ({SourceNotes.Extension})", Sources);
        var failing = Constraints.Count(c => c.IsFailure);
        text.AppendLine($"missing: {MissingOperations.Count}, added: {AddedOperations.Count}, changed: {ChangedOperations.Count}, schemas changed: {changedSchemas.Count}, "
            + $"constraints missing or undocumented: {failing}, documented stricter: {Constraints.Count - failing}");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> lines)
    {
        text.AppendLine($"## {title}");
        if (lines.Count == 0)
        {
            text.AppendLine("- none");
        }

        foreach (var line in lines)
        {
            text.AppendLine($"- {line}");
        }

        text.AppendLine();
    }
}

/// <summary>Property-level differences of one schema present on both sides (matched by short name).</summary>
internal sealed record SchemaDiff(
    string Name,
    bool OnlyUpstream,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Retyped)
{
    public bool HasChanges => OnlyUpstream || Removed.Count > 0 || Added.Count > 0 || Retyped.Count > 0;

    public IEnumerable<string> Lines()
    {
        if (OnlyUpstream)
        {
            yield return "schema only upstream";
        }

        foreach (var p in Removed)
        {
            yield return $"removed `{p}`";
        }

        foreach (var p in Added)
        {
            yield return $"added `{p}`";
        }

        foreach (var p in Retyped)
        {
            yield return $"retyped `{p}`";
        }
    }

    public static IReadOnlyList<SchemaDiff> Compare(OpenApiDocument upstream, OpenApiDocument spec)
    {
        var ours = (spec.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>())
            .ToDictionary(kv => ShortName(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        var result = new List<SchemaDiff>();
        foreach (var (name, schema) in (upstream.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var shortName = ShortName(name);
            var theirProps = PropertyFlattener.Flatten(schema);
            if (!ours.TryGetValue(shortName, out var ourSchema))
            {
                // Upstream helper types without properties (Time, Patch, FieldsV1) are folded into plain types here.
                result.Add(new SchemaDiff(shortName, theirProps.Count > 0, [], [], []));
                continue;
            }

            var ourProps = PropertyFlattener.Flatten(ourSchema);
            result.Add(new SchemaDiff(
                shortName,
                false,
                theirProps.Keys.Except(ourProps.Keys).Order(StringComparer.Ordinal).ToList(),
                ourProps.Keys.Except(theirProps.Keys).Order(StringComparer.Ordinal).ToList(),
                theirProps.Keys.Intersect(ourProps.Keys)
                    .Where(k => theirProps[k] != ourProps[k])
                    .Order(StringComparer.Ordinal)
                    .Select(k => $"{k}: {theirProps[k]} -> {ourProps[k]}")
                    .ToList()));
        }

        return result;
    }

    public static string ShortName(string name) => name[(name.LastIndexOf('.') + 1)..];
}
