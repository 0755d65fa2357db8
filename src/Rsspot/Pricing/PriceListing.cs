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

        PriceRow[] kept = rows
            .Where(row => RowMatch.Region(row, query.Regions)
                && RowMatch.Family(row, query.Families)
                && RowMatch.Generation(row, query.Generations)
                && CpuInRange(row, query))
            .ToArray();
        Array.Sort(kept, ByMarketPrice);
        return Array.ConvertAll(kept, row => new PriceListItem(row, query.Nodes));
    }

    /// <summary>Known prices first, cheapest first; then class name and region (ordinal).</summary>
    private static int ByMarketPrice(PriceRow a, PriceRow b)
    {
        int order = (a.MarketPerHour, b.MarketPerHour) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            (decimal x, decimal y) => x.CompareTo(y),
        };
        order = order != 0 ? order : string.CompareOrdinal(a.ClassName, b.ClassName);
        return order != 0 ? order : string.CompareOrdinal(a.Region, b.Region);
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
