using OxyPlot;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Rsspot.Pricing;

/// <summary>Builds the plot of several classes' hammer price histories on shared axes, one line each.</summary>
internal static class ComparePlot
{
    public static PlotModel Build(IReadOnlyList<PriceHistory> histories)
    {
        var drawn = histories.Where(h => h.Points.Count > 0).ToList();
        if (drawn.Count == 0)
        {
            throw new ArgumentException("None of the classes has price history to plot.", nameof(histories));
        }

        var model = new PlotModel
        {
            Title = "Hammer price history: " + string.Join(", ", histories.Select(h => h.ServerClass)),
            Subtitle = histories.Count > drawn.Count
                ? "No history for " + string.Join(", ", histories.Except(drawn).Select(h => h.ServerClass))
                : $"{drawn.Sum(h => h.Points.Count)} auctions",
            Background = OxyColors.White,
        };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopLeft, LegendBackground = OxyColor.FromAColor(220, OxyColors.White) });
        var points = drawn.SelectMany(h => h.Points).ToList();
        ChartAxes.Add(model, [.. points.Select(p => p.At)], [.. points.Select(p => p.HammerPerHour)]);
        foreach (var history in drawn)
        {
            var line = new LineSeries { Title = history.ServerClass, StrokeThickness = 2, MinimumSegmentLength = 0 };
            line.Points.AddRange(history.Points.Select(ChartAxes.Point));
            model.Series.Add(line);
        }

        return model;
    }
}
