using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Rsspot.Tests.Charts;

/// <summary>
/// An exported chart read back from its SVG: the texts with their positions, the lines with their points and
/// colours, the plot area (where the grid lines run) and the price axis as a value-to-pixel map from its tick labels.
/// </summary>
internal sealed partial class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private SvgChart(XDocument document)
    {
        var root = document.Root!;
        Width = double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        Height = double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture);
        Texts = [.. root.Descendants(Svg + "text").Select(t => new SvgText(t.Value, Translate(t).X, Translate(t).Y))];
        Rects = [.. root.Descendants(Svg + "rect").Where(r => r.Attribute("style") is not null).Select(r => new SvgRect(
            Number(r, "x"), Number(r, "y"), Number(r, "width"), Number(r, "height"), Style(r.Attribute("style")!.Value, "fill")))];
        Lines = [.. root.Descendants(Svg + "polyline").Select(p => new SvgLine(Points(p.Attribute("points")!.Value), Stroke(p.Attribute("style")?.Value)))];
        var grid = Lines.Where(l => l.Stroke == "rgb(230,230,230)").ToList();
        Top = grid.Min(l => l.Points.Min(p => p.Y));
        Bottom = grid.Max(l => l.Points.Max(p => p.Y));
        Left = grid.Min(l => l.Points.Min(p => p.X));
        Right = grid.Max(l => l.Points.Max(p => p.X));
        var ticks = Texts.Where(t => PriceTick().IsMatch(t.Text)).Select(t => (Value: decimal.Parse(t.Text[1..], CultureInfo.InvariantCulture), t.Y)).OrderBy(t => t.Value).ToList();
        Assert.True(ticks.Count >= 2, "the price axis needs at least two $ tick labels");
        var (low, high) = (ticks[0], ticks[^1]);
        PixelsPerUsd = (high.Y - low.Y) / (double)(high.Value - low.Value);
        _tickValue = (double)low.Value;
        _tickY = low.Y;
        TickValues = [.. ticks.Select(t => t.Value)];
    }

    private readonly double _tickValue;
    private readonly double _tickY;

    public double Width { get; }

    public double Height { get; }

    public IReadOnlyList<SvgText> Texts { get; }

    public IReadOnlyList<SvgLine> Lines { get; }

    /// <summary>The filled rectangles (background, bands, shaded intervals) with their fill colour.</summary>
    public IReadOnlyList<SvgRect> Rects { get; }

    public double Top { get; }

    public double Bottom { get; }

    public double Left { get; }

    public double Right { get; }

    public double PixelsPerUsd { get; }

    public IReadOnlyList<decimal> TickValues { get; }

    /// <summary>The drawn series: coloured lines with more than two points.</summary>
    public IEnumerable<SvgLine> Series => Lines.Where(l => l.Points.Count > 2 && l.Stroke is not ("black" or "rgb(230,230,230)"));

    public static SvgChart Parse(string svg)
    {
        Assert.DoesNotContain('\uFEFF', svg);
        using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return new SvgChart(XDocument.Load(reader));
    }

    /// <summary>The pixel row of a price, from the axis's tick labels.</summary>
    public double YOf(decimal usd) => _tickY + (((double)usd - _tickValue) * PixelsPerUsd);

    /// <summary>The horizontal lines (two points, one row) of a colour.</summary>
    public IEnumerable<double> HorizontalLines(string stroke) =>
        Lines.Where(l => l.Stroke == stroke && l.Points.Count == 2 && Math.Abs(l.Points[0].Y - l.Points[1].Y) < 0.01 && l.Points[1].X - l.Points[0].X > (Right - Left) / 2)
            .Select(l => l.Points[0].Y);

    public bool HasText(string text) => Texts.Any(t => t.Text == text);

    private static (double X, double Y) Translate(XElement text)
    {
        var match = TranslateRegex().Match(text.Attribute("transform")?.Value ?? string.Empty);
        Assert.True(match.Success, $"text '{text.Value}' has no position");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static List<(double X, double Y)> Points(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    private static string? Stroke(string? style) => style is null ? null : Style(style, "stroke");

    private static string? Style(string style, string key) => style.Split(';').Select(s => s.Split(':')).FirstOrDefault(kv => kv[0] == key)?[1];

    private static double Number(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"translate\(([-0-9.]+),([-0-9.]+)\)")]
    private static partial Regex TranslateRegex();

    [GeneratedRegex(@"^\$[0-9]+\.[0-9]+$")]
    private static partial Regex PriceTick();
}

internal sealed record SvgText(string Text, double X, double Y);

internal sealed record SvgRect(double X, double Y, double Width, double Height, string? Fill);

internal sealed record SvgLine(IReadOnlyList<(double X, double Y)> Points, string? Stroke);
