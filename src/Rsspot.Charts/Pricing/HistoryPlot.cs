using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Rsspot.Pricing;

/// <summary>Builds the plot of one class's history: hammer price line, P20–P80 band, P20/P50/P80, market price and bids as lines.</summary>
internal static class HistoryPlot
{
    private static readonly OxyColor Hammer = OxyColor.FromRgb(0x1F, 0x77, 0xB4);
    private static readonly OxyColor Percentile = OxyColor.FromRgb(0x2C, 0xA0, 0x2C);
    private static readonly OxyColor Market = OxyColor.FromRgb(0xFF, 0x7F, 0x0E);
    private static readonly OxyColor Bid = OxyColor.FromRgb(0xD6, 0x27, 0x28);

    public static PlotModel Build(PriceHistoryChartData data)
    {
        var history = data.History;
        if (history.Points.Count == 0)
        {
            throw new ArgumentException($"{history.ServerClass} has no price history to plot.", nameof(data));
        }

        var model = new PlotModel
        {
            Title = $"{history.ServerClass}: hammer price history",
            Subtitle = $"{history.Points.Count} auctions, {Utc(history.Points[0].At)} to {Utc(history.Points[^1].At)} UTC",
            Background = OxyColors.White,
        };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopLeft, LegendBackground = OxyColor.FromAColor(220, OxyColors.White) });

        decimal?[] levels = [data.P20, data.P50, data.P80, data.MarketPerHour, .. data.Bids.Select(b => (decimal?)b.PerNodeHour)];
        ChartAxes.Add(model, [.. history.Points.Select(p => p.At)], [.. history.Points.Select(p => p.HammerPerHour), .. levels.OfType<decimal>()]);

        if (data.P20 is { } p20 && data.P80 is { } p80)
        {
            model.Annotations.Add(new RectangleAnnotation { MinimumY = (double)p20, MaximumY = (double)p80, Fill = OxyColor.FromAColor(28, Percentile), Layer = AnnotationLayer.BelowSeries });
        }

        // Labels at different points along their lines, so levels close together stay readable.
        AddLevel(model, data.P20, "P20", Percentile, LineStyle.Dot, 0.15);
        AddLevel(model, data.P50, "P50 (median)", Percentile, LineStyle.Dash, 0.35);
        AddLevel(model, data.P80, "P80", Percentile, LineStyle.Dot, 0.55);
        AddLevel(model, data.MarketPerHour, "market price", Market, LineStyle.Solid, 0.75);
        foreach (var bid in data.Bids)
        {
            AddLevel(model, bid.PerNodeHour, "bid " + bid.Label, Bid, LineStyle.DashDot, 0.97);
        }

        var line = new LineSeries { Title = "Hammer price", Color = Hammer, StrokeThickness = 2, MinimumSegmentLength = 0 };
        line.Points.AddRange(history.Points.Select(ChartAxes.Point));
        model.Series.Add(line);
        return model;
    }

    /// <summary>A horizontal line at <paramref name="usd"/>, labelled with its name and value.</summary>
    private static void AddLevel(PlotModel model, decimal? usd, string name, OxyColor color, LineStyle style, double labelAt)
    {
        if (usd is not { } value)
        {
            return;
        }

        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Horizontal,
            Y = (double)value,
            Color = color,
            LineStyle = style,
            StrokeThickness = 1.5,
            Text = $"{name} {PriceChart.Usd(value)}",
            TextColor = color,
            TextLinePosition = labelAt,
            TextHorizontalAlignment = labelAt > 0.9 ? HorizontalAlignment.Right : HorizontalAlignment.Center,
        });
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
