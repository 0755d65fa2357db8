namespace Rsspot.Pricing;

/// <summary>The auction history of one server class, oldest first, with summary statistics and a sparkline.</summary>
public sealed class PriceHistory
{
    private PriceHistory(string serverClass, PricePoint[] points)
    {
        ServerClass = serverClass;
        Points = points;
        Summary = points.Length == 0 ? null : Summarize(points);
    }

    /// <summary>The class (the document's <c>auction</c>).</summary>
    public string ServerClass { get; }

    /// <summary>Auctions ordered by time (ties by price).</summary>
    public IReadOnlyList<PricePoint> Points { get; }

    /// <summary>Statistics, or null when there are no points.</summary>
    public PriceSummary? Summary { get; }

    /// <summary>A history from points in any order.</summary>
    public static PriceHistory Create(string serverClass, IEnumerable<PricePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        PricePoint[] ordered = points.OrderBy(static p => p.At).ThenBy(static p => p.HammerPerHour).ToArray();
        return new PriceHistory(serverClass ?? string.Empty, ordered);
    }

    /// <summary>
    /// A history from the raw document entries (<c>run_at</c> Unix seconds, <c>hammer_price</c> as a JSON number).
    /// Entries with a missing time or a missing, negative or non-finite price are skipped; prices are rounded to 6 decimals
    /// so that single-precision noise (0.0122999996) reads as the published value (0.0123).
    /// </summary>
    public static PriceHistory FromRaw(string serverClass, IEnumerable<(long? RunAt, double? HammerPrice)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        List<PricePoint> points = [];
        foreach ((long? runAt, double? price) in entries)
        {
            if (runAt is long seconds && price is double value && double.IsFinite(value) && value >= 0
                && value < (double)decimal.MaxValue && seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds)
            {
                points.Add(PricePoint.FromUnixSeconds(seconds, Math.Round((decimal)value, 6)));
            }
        }

        return Create(serverClass, points);
    }

    /// <summary>
    /// A history from the generated client's points (<c>RunAt</c>, single-precision <c>HammerPrice</c>). A float converts
    /// to its 7 significant digits (0.0123f → 0.0123); entries with a missing time or a missing, negative or non-finite
    /// price are skipped.
    /// </summary>
    public static PriceHistory FromRaw(string serverClass, IEnumerable<(long? RunAt, float? HammerPrice)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        List<PricePoint> points = [];
        foreach ((long? runAt, float? price) in entries)
        {
            if (runAt is long seconds && price is float value && float.IsFinite(value) && value >= 0
                && seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds)
            {
                points.Add(PricePoint.FromUnixSeconds(seconds, (decimal)value));
            }
        }

        return Create(serverClass, points);
    }

    /// <summary>The clearing prices as a sparkline of at most <paramref name="maxWidth"/> characters; see <see cref="Pricing.Sparkline"/>.</summary>
    internal string Sparkline(int maxWidth = 40) =>
        Pricing.Sparkline.Render(Points.Select(static p => p.HammerPerHour).ToArray(), maxWidth);

    private static PriceSummary Summarize(PricePoint[] points)
    {
        decimal min = decimal.MaxValue;
        decimal max = decimal.MinValue;
        decimal sum = 0m;
        foreach (PricePoint point in points)
        {
            min = Math.Min(min, point.HammerPerHour);
            max = Math.Max(max, point.HammerPerHour);
            sum += point.HammerPerHour;
        }

        return new PriceSummary(
            points.Length,
            points[0].At,
            points[^1].At,
            min,
            max,
            points[0].HammerPerHour,
            points[^1].HammerPerHour,
            Math.Round(sum / points.Length, 6));
    }

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
}
