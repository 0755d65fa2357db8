namespace Rsspot.Pricing;

/// <summary>Filters and sorts price rows for <c>pricing list</c>.</summary>
public static class PriceListing
{
    /// <summary>
    /// Keeps the rows that match <paramref name="query"/> and sorts them by market price, cheapest first;
    /// unknown prices come last; ties are broken by class name, then region (ordinal).
    /// </summary>
    /// <exception cref="ArgumentException">Nodes is below 1, a vCPU bound is negative, or MinVcpu exceeds MaxVcpu.</exception>
    public static IReadOnlyList<PriceListItem> Apply(IEnumerable<PriceRow> rows, PriceQuery query)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);

        return rows
            .Where(row => RowMatch.Region(row, query.Regions)
                && RowMatch.Family(row, query.Families)
                && RowMatch.Generation(row, query.Generations)
                && CpuInRange(row, query))
            .OrderBy(static row => row.MarketPerHour is null)
            .ThenBy(static row => row.MarketPerHour ?? 0m)
            .ThenBy(static row => row.ClassName, StringComparer.Ordinal)
            .ThenBy(static row => row.Region, StringComparer.Ordinal)
            .Select(row => new PriceListItem(row, query.Nodes))
            .ToArray();
    }

    private static bool CpuInRange(PriceRow row, PriceQuery query)
    {
        if (query.MinVcpu is null && query.MaxVcpu is null)
        {
            return true;
        }

        return row.Cpu is decimal cpu
            && (query.MinVcpu is null || cpu >= query.MinVcpu)
            && (query.MaxVcpu is null || cpu <= query.MaxVcpu);
    }

    private static void Validate(PriceQuery query)
    {
        Require(query.Nodes >= 1, nameof(PriceQuery.Nodes), "Nodes must be at least 1.");
        Require(query.MinVcpu is null or >= 0m, nameof(PriceQuery.MinVcpu), "MinVcpu must not be negative.");
        Require(query.MaxVcpu is null or >= 0m, nameof(PriceQuery.MaxVcpu), "MaxVcpu must not be negative.");
        Require(
            query.MinVcpu is null || query.MaxVcpu is null || query.MinVcpu <= query.MaxVcpu,
            nameof(PriceQuery.MinVcpu),
            "MinVcpu must not exceed MaxVcpu.");
    }

    private static void Require(bool condition, string parameter, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameter);
        }
    }
}
