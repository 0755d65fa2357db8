namespace Rsspot.Pricing;

/// <summary>The region, family and generation filters shared by listings and the cluster builder.</summary>
internal static class RowMatch
{
    /// <summary>An empty filter matches all; otherwise the region name or the class's site (e.g. <c>dfw</c>) must match.</summary>
    public static bool Region(PriceRow row, IReadOnlyCollection<string>? regions) =>
        IsEmpty(regions) || regions!.Any(r => Same(r, row.Region) || Same(r, row.Name.Site));

    /// <summary>An empty filter matches all; otherwise the family from the name (<c>gp</c>) or the category must match.</summary>
    public static bool Family(PriceRow row, IReadOnlyCollection<string>? families) =>
        IsEmpty(families) || families!.Any(f => Same(f, row.Family) || Same(f, row.Category));

    /// <summary>An empty filter matches all; otherwise the generation token (<c>vs2</c>) or its number (<c>2</c>) must match.</summary>
    public static bool Generation(PriceRow row, IReadOnlyCollection<string>? generations) =>
        IsEmpty(generations) || generations!.Any(g => Same(g, row.Generation) || IsNumber(g, row.GenerationNumber));

    public static bool IsEmpty(IReadOnlyCollection<string>? filter) => filter is null || filter.All(string.IsNullOrWhiteSpace);

    public static string Describe(IReadOnlyCollection<string> filter) =>
        string.Join(", ", filter.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()));

    private static bool Same(string? filter, string? value) =>
        !string.IsNullOrWhiteSpace(filter) && value is not null
        && string.Equals(filter.Trim(), value, StringComparison.OrdinalIgnoreCase);

    private static bool IsNumber(string? filter, int? number) =>
        number is not null && filter is not null
        && int.TryParse(filter.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
        && value == number;
}
