using Microsoft.OpenApi.Models;

namespace Rsspot.SpecTool;

/// <summary>How a constraint of the spec relates to the published one.</summary>
internal enum ConstraintChangeKind
{
    /// <summary>The published file has it; the spec lacks it. Always a failure.</summary>
    Missing,

    /// <summary>Both have it with different values. A failure unless the spec documents why (<c>x-rsspot-stricter</c>).</summary>
    Changed,

    /// <summary>Only the spec has it. A failure unless the spec documents why (<c>x-rsspot-stricter</c>).</summary>
    Added,
}

/// <summary>One constraint that differs between the published file and the spec.</summary>
internal sealed record ConstraintChange(string Schema, string Path, string Constraint, ConstraintChangeKind Kind, string? Upstream, string? Spec, string? Note)
{
    /// <summary>True when the difference makes <c>diff</c> fail: missing, or a departure the spec does not explain.</summary>
    public bool IsFailure => Kind == ConstraintChangeKind.Missing || Note is null;

    public override string ToString()
    {
        var what = Kind switch
        {
            ConstraintChangeKind.Missing => $"missing `{Show(Upstream)}`",
            ConstraintChangeKind.Changed => $"changed `{Constraint}: {Upstream} -> {Spec}`",
            _ => $"added `{Show(Spec)}`",
        };
        var why = Kind == ConstraintChangeKind.Missing ? string.Empty
            : Note is null ? $" (undocumented: add {ConstraintFlattener.StricterExtension} with the reason)"
            : $" (stricter: {Note})";
        return $"`{Path}`: {what}{why}";
    }

    // Flags (required, readOnly, nullable) read as their name alone.
    private string Show(string? value) => value == "true" ? Constraint : $"{Constraint}: {value}";

    /// <summary>Constraint differences of every published schema the spec also has (matched by short name).</summary>
    public static IReadOnlyList<ConstraintChange> Compare(OpenApiDocument upstream, OpenApiDocument spec)
    {
        var ours = (spec.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>())
            .ToDictionary(kv => SchemaDiff.ShortName(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        var changes = new List<ConstraintChange>();
        foreach (var (name, schema) in (upstream.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var shortName = SchemaDiff.ShortName(name);
            if (ours.TryGetValue(shortName, out var ourSchema))
            {
                changes.AddRange(CompareSchema(shortName, ConstraintFlattener.Flatten(schema), ConstraintFlattener.Flatten(ourSchema)));
            }
        }

        return changes;
    }

    private static IEnumerable<ConstraintChange> CompareSchema(
        string schema,
        IReadOnlyDictionary<string, NodeConstraints> theirs,
        IReadOnlyDictionary<string, NodeConstraints> ours)
    {
        foreach (var path in theirs.Keys.Order(StringComparer.Ordinal))
        {
            // A property only one side has is reported once, as a removed or added property, not per constraint.
            if (!ours.TryGetValue(path, out var our) || !theirs.TryGetValue(path, out var their))
            {
                continue;
            }

            foreach (var constraint in their.Constraints.Keys.Union(our.Constraints.Keys).Order(StringComparer.Ordinal))
            {
                var upstreamValue = their.Constraints.GetValueOrDefault(constraint);
                var specValue = our.Constraints.GetValueOrDefault(constraint);
                if (upstreamValue == specValue)
                {
                    continue;
                }

                var kind = specValue is null ? ConstraintChangeKind.Missing
                    : upstreamValue is null ? ConstraintChangeKind.Added
                    : ConstraintChangeKind.Changed;
                yield return new ConstraintChange(schema, path, constraint, kind, upstreamValue, specValue, our.StricterNote);
            }
        }
    }
}
