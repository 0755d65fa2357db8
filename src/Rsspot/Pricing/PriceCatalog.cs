namespace Rsspot.Pricing;

/// <summary>
/// The unified price rows of all server classes and regions: the server-class list joined with the percentiles
/// and comparable-prices documents by (region, class name), case-insensitively. A class that appears in only
/// one source still gets a row. Rows are ordered by class name, then region (ordinal).
/// </summary>
public sealed class PriceCatalog
{
    private readonly Dictionary<RowKey, PriceRow> _byKey;

    private PriceCatalog(PriceRow[] rows)
    {
        Rows = rows;
        _byKey = new Dictionary<RowKey, PriceRow>(rows.Length);
        foreach (PriceRow row in rows)
        {
            _byKey[RowKey.Of(row.Region, row.ClassName)] = row;
        }
    }

    /// <summary>All rows, ordered by class name, then region.</summary>
    public IReadOnlyList<PriceRow> Rows { get; }

    /// <summary>
    /// Joins the three sources. Any source may be null or empty. A server class without a region takes the region
    /// of the price documents when exactly one region lists it. When one source lists the same (region, class) twice,
    /// one of the duplicates is kept regardless of input order.
    /// </summary>
    public static PriceCatalog Create(
        IEnumerable<ServerClassQuote>? serverClasses,
        IEnumerable<PercentileQuote>? percentiles = null,
        IEnumerable<ComparableQuote>? comparables = null)
    {
        Dictionary<RowKey, PercentileQuote> percentileByKey = Index(percentiles, static q => RowKey.Of(q.Region, q.ClassName));
        Dictionary<RowKey, ComparableQuote> comparableByKey = Index(comparables, static q => RowKey.Of(q.Region, q.ClassName));
        Dictionary<string, string?> regionByClass = RegionsByClass(percentileByKey.Keys.Concat(comparableByKey.Keys));
        Dictionary<RowKey, ServerClassQuote> serverByKey = Index(
            serverClasses,
            q => RowKey.Of(string.IsNullOrWhiteSpace(q.Region) ? regionByClass.GetValueOrDefault(RowKey.Of(null, q.Name).ClassName) : q.Region, q.Name));

        HashSet<RowKey> keys = [.. serverByKey.Keys, .. percentileByKey.Keys, .. comparableByKey.Keys];
        PriceRow[] rows = keys
            .Select(key => PriceRowFactory.Create(
                key,
                serverByKey.GetValueOrDefault(key),
                percentileByKey.GetValueOrDefault(key),
                comparableByKey.GetValueOrDefault(key)))
            .OrderBy(static row => row.ClassName, StringComparer.Ordinal)
            .ThenBy(static row => row.Region, StringComparer.Ordinal)
            .ToArray();
        return new PriceCatalog(rows);
    }

    /// <summary>The row of a class in a region, or null. Names compare without regard to case.</summary>
    public PriceRow? Find(string className, string region) => _byKey.GetValueOrDefault(RowKey.Of(region, className));

    /// <summary>All rows of a class name (usually one region), in row order.</summary>
    public IReadOnlyList<PriceRow> Find(string className)
    {
        string name = className.Trim();
        return Rows.Where(row => string.Equals(row.ClassName, name, StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>Filters and sorts the rows for a listing; see <see cref="PriceListing.Apply"/>.</summary>
    /// <exception cref="ArgumentException">A region, family or generation filter names something no row has.</exception>
    public IReadOnlyList<PriceListItem> List(PriceQuery? query = null)
    {
        query ??= new PriceQuery();
        FilterCheck.EnsureKnown(Rows, query.Regions, query.Families, query.Generations);
        return PriceListing.Apply(query.AvailableOnly ? [.. Rows.Where(r => r.IsAvailable)] : Rows, query);
    }

    private static Dictionary<RowKey, T> Index<T>(IEnumerable<T>? quotes, Func<T, RowKey> keyOf)
        where T : class
    {
        Dictionary<RowKey, T> index = [];
        foreach (T quote in quotes ?? [])
        {
            RowKey key = keyOf(quote);
            if (key.ClassName.Length == 0)
            {
                continue;
            }

            // Keep the duplicate whose content sorts first, so the result does not depend on input order.
            if (!index.TryGetValue(key, out T? kept) || string.CompareOrdinal(quote.ToString(), kept.ToString()) < 0)
            {
                index[key] = quote;
            }
        }

        return index;
    }

    private static Dictionary<string, string?> RegionsByClass(IEnumerable<RowKey> keys)
    {
        Dictionary<string, string?> regionByClass = new(StringComparer.OrdinalIgnoreCase);
        foreach (RowKey key in keys)
        {
            if (key.Region.Length == 0)
            {
                continue;
            }

            if (!regionByClass.TryGetValue(key.ClassName, out string? region))
            {
                regionByClass[key.ClassName] = key.Region;
            }
            else if (region is not null && !string.Equals(region, key.Region, StringComparison.OrdinalIgnoreCase))
            {
                regionByClass[key.ClassName] = null;
            }
        }

        return regionByClass;
    }
}
