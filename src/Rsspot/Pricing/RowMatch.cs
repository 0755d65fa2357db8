using System.Globalization;

namespace Rsspot.Pricing;

/// <summary>The region, family and generation filters shared by listings and the cluster builder.</summary>
internal static class RowMatch
{
    /// <summary>An empty filter matches all; otherwise the region name or the class's site (e.g. <c>dfw</c>) must match.</summary>
    public static bool Region(PriceRow row, IReadOnlyCollection<string>? regions)
    {
        if (IsEmpty(regions))
        {
            return true;
        }

        foreach (string region in regions!)
        {
            if (Same(region, row.Region) || Same(region, row.Name.Site))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An empty filter matches all; otherwise the family from the name (<c>gp</c>) or the category must match.</summary>
    public static bool Family(PriceRow row, IReadOnlyCollection<string>? families)
    {
        if (IsEmpty(families))
        {
            return true;
        }

        foreach (string family in families!)
        {
            if (Same(family, row.Family) || Same(family, row.Category))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An empty filter matches all; otherwise the generation token (<c>vs2</c>) or its number (<c>2</c>) must match.</summary>
    public static bool Generation(PriceRow row, IReadOnlyCollection<string>? generations)
    {
        if (IsEmpty(generations))
        {
            return true;
        }

        foreach (string generation in generations!)
        {
            if (Same(generation, row.Generation) || IsNumber(generation, row.GenerationNumber))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsEmpty(IReadOnlyCollection<string>? filter)
    {
        if (filter is null)
        {
            return true;
        }

        foreach (string value in filter)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return false;
            }
        }

        return true;
    }

    public static string Describe(IReadOnlyCollection<string> filter) =>
        string.Join(", ", filter.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()));

    private static bool Same(string? filter, string? value) =>
        !string.IsNullOrWhiteSpace(filter) && value is not null
        && filter.AsSpan().Trim().Equals(value, StringComparison.OrdinalIgnoreCase);

    private static bool IsNumber(string? filter, int? number) =>
        number is not null && filter is not null
        && int.TryParse(filter.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
        && value == number;
}
