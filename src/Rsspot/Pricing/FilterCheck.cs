namespace Rsspot.Pricing;

/// <summary>
/// A filter value that matches nothing the catalog knows is a mistake, not an empty answer: it is refused with the
/// valid values and the nearest one.
/// </summary>
internal static class FilterCheck
{
    /// <summary>Throws when a region, family or generation filter names something no row has.</summary>
    public static void EnsureKnown(IReadOnlyList<PriceRow> rows, IReadOnlyCollection<string>? regions, IReadOnlyCollection<string>? families, IReadOnlyCollection<string>? generations)
    {
        if (rows.Count == 0)
        {
            return;
        }

        Ensure("regions", "region", regions, rows.Select(r => r.Region), rows.Select(r => r.Name.Site));
        Ensure("families", "class family or category", families, rows.Select(r => r.Family), rows.Select(r => r.Category));
        Ensure("generations", "generation", generations, rows.Select(r => r.Generation), rows.Select(r => r.GenerationNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> for <paramref name="parameter"/> when a value of <paramref name="given"/>
    /// is none of <paramref name="shown"/> or <paramref name="alsoAccepted"/> (compared without case).
    /// </summary>
    public static void Ensure(string parameter, string what, IEnumerable<string>? given, IEnumerable<string?> shown, IEnumerable<string?>? alsoAccepted = null)
    {
        if (given is null)
        {
            return;
        }

        var valid = shown.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var accepted = new HashSet<string>(valid.Concat((alsoAccepted ?? []).OfType<string>()), StringComparer.OrdinalIgnoreCase);
        foreach (var value in given.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (!accepted.Contains(value))
            {
                var nearest = NameSuggestion.Find(value, valid);
                throw new ArgumentException(
                    $"'{value}' is not a known {what}. Known: {string.Join(", ", valid)}.{(nearest is null ? string.Empty : $" Did you mean '{nearest}'?")}",
                    parameter);
            }
        }
    }
}
