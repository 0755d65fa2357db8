using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Rsspot.Pricing;

/// <summary>
/// Builds the plot of a bid evaluation: the market price and each policy's bid as lines, and above them one band per
/// policy in which every run of lost auctions is a shaded block (from the first lost auction to the next auction).
/// </summary>
internal static class BidEvaluationPlot
{
    /// <summary>The market line's colour.</summary>
    public static readonly OxyColor Market = OxyColor.FromRgb(0xFF, 0x7F, 0x0E);

    /// <summary>The policies' colours, in order (repeated past the fourth).</summary>
    public static readonly OxyColor[] Policies =
    [
        OxyColor.FromRgb(0x1F, 0x77, 0xB4),
        OxyColor.FromRgb(0x94, 0x67, 0xBD),
        OxyColor.FromRgb(0x2C, 0xA0, 0x2C),
        OxyColor.FromRgb(0xD6, 0x27, 0x28),
    ];

    /// <summary>Height of one policy's band, as a share of the price range.</summary>
    private const double BandShare = 0.10;

    public static PlotModel Build(BidEvaluationChartData data)
    {
        if (data.Market.Count == 0)
        {
            throw new ArgumentException($"{data.Pool}: no market prices to plot.", nameof(data));
        }

        if (data.Policies.Count == 0 || data.Policies.Any(p => p.Bids.Count == 0))
        {
            throw new ArgumentException($"{data.Pool}: every policy needs bids to plot.", nameof(data));
        }

        var first = data.Market[0].At;
        var last = data.Market[^1].At;
        var model = new PlotModel
        {
            Title = $"{data.Pool}: bids against the market",
            Subtitle = $"{data.Market.Count} auctions, {Utc(first)} to {Utc(last)} UTC; shaded: auctions each policy lost (its nodes outbid)",
            Background = OxyColors.White,
        };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.BottomRight, LegendBackground = OxyColor.FromAColor(220, OxyColors.White) });

        var times = data.Market.Select(m => m.At).Concat(data.Policies.SelectMany(p => p.Bids.Select(b => b.At))).ToList();
        var prices = data.Market.Select(m => m.PerNodeHour).Concat(data.Policies.SelectMany(p => p.Bids.Select(b => b.PerNodeHour))).ToList();
        var (pricesTop, axisTop) = ChartAxes.Add(model, times, prices, headroom: BandShare * data.Policies.Count);
        var band = (axisTop - pricesTop) / data.Policies.Count;

        var market = new LineSeries { Title = "market price", Color = Market, StrokeThickness = 1.5, MinimumSegmentLength = 0 };
        market.Points.AddRange(data.Market.Select(m => Point(m.At, m.PerNodeHour)));
        model.Series.Add(market);

        for (var i = 0; i < data.Policies.Count; i++)
        {
            var policy = data.Policies[i];
            var color = Policies[i % Policies.Length];
            var lost = policy.Bids.Count(b => !b.Won);
            var line = new LineSeries { Title = $"bid: {policy.Policy}", Color = color, StrokeThickness = 2, MinimumSegmentLength = 0 };
            line.Points.AddRange(policy.Bids.Select(b => Point(b.At, b.PerNodeHour)));
            model.Series.Add(line);

            var bottom = pricesTop + (band * i);
            var top = bottom + (band * 0.8);
            foreach (var (from, to) in LostRuns(policy.Bids))
            {
                model.Annotations.Add(new RectangleAnnotation
                {
                    MinimumX = DateTimeAxis.ToDouble(from.UtcDateTime),
                    MaximumX = DateTimeAxis.ToDouble(to.UtcDateTime),
                    MinimumY = bottom,
                    MaximumY = top,
                    Fill = OxyColor.FromAColor(150, color),
                    Layer = AnnotationLayer.BelowSeries,
                });
            }

            model.Annotations.Add(new TextAnnotation
            {
                Text = $"{policy.Policy}: lost {lost} of {policy.Bids.Count} auctions",
                TextPosition = new DataPoint(DateTimeAxis.ToDouble(first.UtcDateTime), (bottom + top) / 2),
                TextHorizontalAlignment = HorizontalAlignment.Left,
                TextVerticalAlignment = VerticalAlignment.Middle,
                TextColor = color,
                Stroke = OxyColors.Transparent,
                Background = OxyColor.FromAColor(200, OxyColors.White),
            });
        }

        return model;
    }

    /// <summary>Each run of lost auctions, from its first auction to the auction after its last (or one step on, at the end).</summary>
    internal static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> LostRuns(IReadOnlyList<PolicyBid> bids)
    {
        var step = bids.Count > 1 ? bids[^1].At - bids[^2].At : TimeSpan.FromMinutes(10);
        for (var i = 0; i < bids.Count; i++)
        {
            if (bids[i].Won)
            {
                continue;
            }

            var start = bids[i].At;
            while (i + 1 < bids.Count && !bids[i + 1].Won)
            {
                i++;
            }

            yield return (start, i + 1 < bids.Count ? bids[i + 1].At : bids[i].At + step);
        }
    }

    private static DataPoint Point(DateTimeOffset at, decimal usd) => new(DateTimeAxis.ToDouble(at.UtcDateTime), (double)usd);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
