using System.Globalization;
using OxyPlot;
using Rsspot.Security;

namespace Rsspot.Pricing;

/// <summary>
/// A price chart, rendered as SVG by OxyPlot's managed exporter (no native library). PNG is not offered: it needs a
/// native renderer. Axes: time in UTC, prices in USD per node-hour. Text is in DejaVu Sans (then Verdana, then
/// sans-serif), measured with that font's metrics and placed without <c>dominant-baseline</c>, so browsers and
/// librsvg draw it alike.
/// </summary>
public sealed class PriceChart
{
    /// <summary>The default width in pixels.</summary>
    public const int DefaultWidth = 1200;

    /// <summary>The default height in pixels.</summary>
    public const int DefaultHeight = 600;

    private readonly PlotModel _model;

    private const double TitleFontSize = 18;
    private const double SubtitleFontSize = 14;
    private const double SmallestTitleFontSize = 10;
    private const double TitleMargin = 24;

    private readonly string? _title;
    private readonly string? _subtitle;

    private PriceChart(PlotModel model)
    {
        model.DefaultFont = ChartFont.Family;
        model.TitleHorizontalAlignment = TitleHorizontalAlignment.CenteredWithinView; // the whole width is the room Fit gives it
        _model = model;
        _title = model.Title;
        _subtitle = model.Subtitle;
    }

    /// <summary>The chart's title.</summary>
    public string Title => _title ?? string.Empty;

    private static (string? Text, double Size) Fit(ChartFont font, string? text, double size, double weight, int width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (text, size);
        }

        var room = width - TitleMargin;
        var measured = font.MeasureText(text, ChartFont.Family, size, weight).Width;
        if (measured <= room)
        {
            return (text, size);
        }

        var smaller = Math.Max(SmallestTitleFontSize, Math.Floor(size * room / measured));
        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…", ChartFont.Family, smaller, weight).Width > room && font.MeasureText(cut, ChartFont.Family, smaller, weight).Width > room)
        {
            cut = cut[..^1];
        }

        return (cut.Length == text.Length ? text : cut.TrimEnd() + "…", smaller);
    }

    /// <summary>One class's hammer price history with its percentiles, market price and bids.</summary>
    /// <param name="data">What to draw.</param>
    /// <exception cref="ArgumentException">The history has no points.</exception>
    public static PriceChart History(PriceHistoryChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PriceChart(HistoryPlot.Build(data));
    }

    /// <summary>Several classes' hammer price histories on one chart.</summary>
    /// <param name="histories">The histories (classes without points are named in the subtitle).</param>
    /// <exception cref="ArgumentException">No history has points.</exception>
    public static PriceChart Compare(IEnumerable<PriceHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return new PriceChart(ComparePlot.Build([.. histories]));
    }

    /// <summary>
    /// A bid evaluation of one pool: the market price and each policy's bid over the auctions, with the auctions each
    /// policy lost shaded in a band of its own above the prices.
    /// </summary>
    /// <param name="data">What to draw.</param>
    /// <exception cref="ArgumentException">No market prices, no policies, or a policy without bids.</exception>
    public static PriceChart BidEvaluation(BidEvaluationChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PriceChart(BidEvaluationPlot.Build(data));
    }

    /// <summary>The chart as an SVG document.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public string ToSvg(int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 150);
        var font = new ChartFont();
        var exporter = new SvgExporter { Width = width, Height = height, TextMeasurer = font };
        using var stream = new MemoryStream();
        lock (_model)
        {
            // Titles fit the width asked for: a smaller size first, then cut with an ellipsis.
            (_model.Title, _model.TitleFontSize) = Fit(font, _title, TitleFontSize, FontWeights.Bold, width);
            (_model.Subtitle, _model.SubtitleFontSize) = Fit(font, _subtitle, SubtitleFontSize, FontWeights.Normal, width);
            exporter.Export(_model, stream);
        }

        // The exporter writes a byte order mark; the text (and the file written from it) is plain UTF-8.
        return SvgTextPlacement.Apply(System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'));
    }

    /// <summary>Writes the chart to an <c>.svg</c> file (replaced atomically).</summary>
    /// <param name="path">The file; its extension must be <c>.svg</c>.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">The path does not end in <c>.svg</c>.</exception>
    public void Save(string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        EnsureSvgPath(path);
        AtomicFile.WriteAllText(path, ToSvg(width, height));
    }

    /// <summary>Checks that <paramref name="path"/> names an SVG file (the only format rendered without a native library).</summary>
    /// <param name="path">The output path.</param>
    /// <exception cref="ArgumentException">Another extension, e.g. <c>.png</c>.</exception>
    public static void EnsureSvgPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!string.Equals(Path.GetExtension(path), ".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{path}': charts are written as SVG only (PNG would need a native renderer); give a file ending in .svg.", nameof(path));
        }
    }

    internal static string Usd(decimal value) => "$" + value.ToString("0.000#", CultureInfo.InvariantCulture);
}
