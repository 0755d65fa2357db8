using OxyPlot;
using OxyPlot.Axes;

namespace Rsspot.Pricing;

/// <summary>
/// The two axes every price chart shares: time in UTC along the bottom, USD per node-hour up the side. The ranges
/// are set from every value drawn (annotations such as bids are not part of OxyPlot's automatic range).
/// </summary>
internal static class ChartAxes
{
    public const string TimeTitle = "Time (UTC)";
    public const string PriceTitle = "Price (USD per node-hour)";

    /// <summary>Adds both axes; <paramref name="headroom"/> (a share of the price range) is left free above the prices.</summary>
    /// <returns>The top of the prices drawn and the top of the price axis, in USD.</returns>
    public static (double PricesTop, double AxisTop) Add(PlotModel model, IReadOnlyCollection<DateTimeOffset> times, IReadOnlyCollection<decimal> prices, double headroom = 0)
    {
        var first = times.Min().UtcDateTime;
        var last = times.Max().UtcDateTime;
        var span = last - first;
        var timePad = span > TimeSpan.Zero ? span / 50 : TimeSpan.FromHours(1);
        model.Axes.Add(new DateTimeAxis
        {
            Position = AxisPosition.Bottom,
            Title = TimeTitle,
            StringFormat = span > TimeSpan.FromDays(2) ? "yyyy-MM-dd" : "MM-dd HH:mm",

            // Date-only labels on whole days (OxyPlot's automatic half-day ticks would print each date twice).
            MajorStep = span > TimeSpan.FromDays(2) ? Math.Ceiling(span.TotalDays / 10) : double.NaN,
            Minimum = DateTimeAxis.ToDouble(first - timePad),
            Maximum = DateTimeAxis.ToDouble(last + timePad),
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = OxyColor.FromRgb(0xE6, 0xE6, 0xE6),
            IsZoomEnabled = false,
            IsPanEnabled = false,
        });

        var low = (double)prices.Min();
        var high = (double)prices.Max();
        var pricePad = high > low ? (high - low) * 0.08 : Math.Max(high * 0.05, 0.001);
        var axisTop = high + pricePad + (high > low ? high - low : pricePad) * headroom;
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left,
            Title = PriceTitle,
            StringFormat = "$0.000#",
            Minimum = Math.Max(0, low - pricePad),
            Maximum = axisTop,
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = OxyColor.FromRgb(0xE6, 0xE6, 0xE6),
            IsZoomEnabled = false,
            IsPanEnabled = false,
        });
        return (high + pricePad, axisTop);
    }

    public static DataPoint Point(PricePoint point) => new(DateTimeAxis.ToDouble(point.At.UtcDateTime), (double)point.HammerPerHour);
}
