using System.Globalization;
using System.Text.RegularExpressions;
using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>
/// The charts drawn by librsvg (<c>rsvg-convert</c>, Debian's librsvg2-bin, as GNOME and many CI image tools draw
/// SVG): nothing relies on <c>dominant-baseline</c>, which librsvg ignores; every text's ink, measured in the PNG,
/// lies inside the image, legend labels inside their legend and level with their swatches, tick labels level with
/// their ticks.
/// </summary>
public sealed partial class ChartRenderingTests : IClassFixture<EmulatorFixture>
{
    private const string ServerClass = "gp.vs1.medium-dfw";
    private readonly EmulatorFixture _fixture;

    public ChartRenderingTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [SkippableFact]
    public async Task The_history_chart_renders_in_librsvg_with_every_text_in_place()
    {
        using var client = _fixture.Client();
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("render-bids", "us-central-dfw-1"));
        await client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("render-bids", ServerClass, 0.007m));
        await client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("render-bids", ServerClass, 0.009m));
        var chart = await client.GetPriceHistoryChartAsync(ServerClass, "render-bids");

        await AssertRendersAsync("history", chart.ToSvg(), ["Hammer price"]);
    }

    [SkippableFact]
    public async Task The_compare_chart_renders_in_librsvg_with_labels_beside_their_swatches()
    {
        using var client = _fixture.Client();
        string[] classes = [ServerClass, "gp.vs1.large-dfw", "ch.vs1.medium-dfw"];
        var chart = await client.GetPriceCompareChartAsync(classes);

        await AssertRendersAsync("compare", chart.ToSvg(), classes);
    }

    [SkippableFact]
    public async Task The_bid_evaluation_chart_renders_in_librsvg_with_every_text_in_place()
    {
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        decimal[] market = [0.0100m, 0.0104m, 0.0121m, 0.0118m, 0.0097m, 0.0131m, 0.0102m];
        var at = market.Select((_, i) => start.AddMinutes(10 * i)).ToList();
        PolicyBids Fixed(string name, decimal bid) => new(name, [.. market.Select((m, i) => new PolicyBid(at[i], bid, bid >= m))]);
        var data = new BidEvaluationChartData(ServerClass, [.. market.Select((m, i) => new MarketPrice(at[i], m))], [Fixed("fixed 0.011", 0.011m), Fixed("market x 1.20 (capped)", 0.013m)]);

        await AssertRendersAsync("bid-evaluation", PriceChart.BidEvaluation(data).ToSvg(), ["market price", "bid: fixed 0.011", "bid: market x 1.20 (capped)"]);
    }

    [SkippableFact]
    public async Task A_narrow_chart_still_keeps_its_texts_inside()
    {
        using var client = _fixture.Client();
        var chart = await client.GetPriceCompareChartAsync([ServerClass, "gp.vs1.large-dfw"]);

        await AssertRendersAsync("compare-narrow", chart.ToSvg(640, 360), [ServerClass, "gp.vs1.large-dfw"]);
    }

    private static async Task AssertRendersAsync(string name, string svg, IReadOnlyList<string> legendLabels)
    {
        Skip.IfNot(RsvgConvert.IsInstalled, "rsvg-convert is not installed (Debian: apt-get install librsvg2-bin; .ci/run installs it).");
        Assert.DoesNotContain("dominant-baseline", svg, StringComparison.Ordinal);
        Assert.Contains("font-family=\"DejaVu Sans, Verdana, sans-serif\"", svg, StringComparison.Ordinal);
        var size = SvgSize().Match(svg);
        var (width, height) = (int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture));

        var whole = await RsvgConvert.RenderAsync(svg, name);
        Assert.Equal((width, height), (whole.Width, whole.Height));
        for (var i = 0; i < 2; i++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.False(whole.IsInk(x, i) || whole.IsInk(x, height - 1 - i), $"{name}: ink at the top or bottom edge, x={x}");
            }

            for (var y = 0; y < height; y++)
            {
                Assert.False(whole.IsInk(i, y) || whole.IsInk(width - 1 - i, y), $"{name}: ink at the left or right edge, y={y}");
            }
        }

        var legend = LegendBox().Matches(svg).Select(m => Box(m)).ToList();
        var swatches = Swatches(svg);
        var texts = TextElement().Matches(svg).ToList();
        Assert.NotEmpty(texts);
        var checkedLabels = 0;
        foreach (var text in texts)
        {
            var content = System.Net.WebUtility.HtmlDecode(text.Groups["content"].Value);
            var alone = $"""<svg width="{width}" height="{height}" version="1.1" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="{width}" height="{height}" style="fill:rgb(255,255,255)" />{text.Value}</svg>""";
            var ink = (await RsvgConvert.RenderAsync(alone, null)).InkBounds();
            Assert.True(ink is not null, $"{name}: '{content}' draws nothing");
            var (left, top, right, bottom) = ink.Value;
            Assert.True(left >= 1 && top >= 1 && right <= width - 2 && bottom <= height - 2, $"{name}: '{content}' ink ({left},{top})-({right},{bottom}) leaves the {width}x{height} image");

            var anchor = Anchor(text.Value);
            if (PriceTick().IsMatch(content))
            {
                var middle = (top + bottom + 1) / 2.0;
                Assert.True(Math.Abs(middle - anchor.Y) <= 3, $"{name}: tick label '{content}' centred at y={middle}, its tick at {anchor.Y}");
            }

            if (legendLabels.Contains(content))
            {
                checkedLabels++;
                var box = Assert.Single(legend, b => b.Contains(anchor.X, anchor.Y));
                Assert.True(left >= box.X && right <= box.X + box.Width && top >= box.Y && bottom <= box.Y + box.Height, $"{name}: legend label '{content}' ink ({left},{top})-({right},{bottom}) is cut by its legend {box}");
                var swatch = swatches.Where(s => box.Contains(s.X2, s.Y) && s.X2 <= left).MinBy(s => Math.Abs(s.Y - ((top + bottom + 1) / 2.0)));
                Assert.True(swatch is not null, $"{name}: no swatch left of '{content}'");
                var labelMiddle = (top + bottom + 1) / 2.0;
                Assert.True(Math.Abs(labelMiddle - swatch.Y) <= 3.5, $"{name}: legend label '{content}' centred at y={labelMiddle}, its swatch at y={swatch.Y}");
            }
        }

        Assert.Equal(legendLabels.Count, checkedLabels);
    }

    private static (double X, double Y) Anchor(string element)
    {
        var match = TranslateRegex().Match(element);
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static LegendRect Box(Match rect) => new(Number(rect, "x"), Number(rect, "y"), Number(rect, "w"), Number(rect, "h"));

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>Short horizontal strokes: the legend's swatches (a series' line sample).</summary>
    private static List<Swatch> Swatches(string svg) =>
    [
        .. Polyline().Matches(svg)
            .Select(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(',')).Select(p => (X: double.Parse(p[0], CultureInfo.InvariantCulture), Y: double.Parse(p[1], CultureInfo.InvariantCulture))).ToList())
            .Where(p => p.Count == 2 && Math.Abs(p[0].Y - p[1].Y) < 0.01 && Math.Abs(p[0].X - p[1].X) is > 4 and < 60)
            .Select(p => new Swatch(Math.Min(p[0].X, p[1].X), Math.Max(p[0].X, p[1].X), p[0].Y)),
    ];

    private sealed record LegendRect(double X, double Y, double Width, double Height)
    {
        public bool Contains(double x, double y) => x >= X && x <= X + Width && y >= Y && y <= Y + Height;
    }

    private sealed record Swatch(double X1, double X2, double Y);

    [GeneratedRegex("""<svg width="(\d+)" height="(\d+)" """)]
    private static partial Regex SvgSize();

    [GeneratedRegex("""<text [^>]*>(?<content>[^<]*)</text>""")]
    private static partial Regex TextElement();

    [GeneratedRegex("""<rect x="(?<x>[-0-9.]+)" y="(?<y>[-0-9.]+)" width="(?<w>[0-9.]+)" height="(?<h>[0-9.]+)" style="fill:rgb\(255,255,255\);fill-opacity:0\.86""")]
    private static partial Regex LegendBox();

    [GeneratedRegex("""<polyline points="([^"]+)" style="fill:none;stroke:rgb""")]
    private static partial Regex Polyline();

    [GeneratedRegex("""translate\(([-0-9.]+),([-0-9.]+)\)""")]
    private static partial Regex TranslateRegex();

    [GeneratedRegex("""^\$\d+\.\d+$""")]
    private static partial Regex PriceTick();
}

/// <summary>librsvg's command-line renderer, run as a child process.</summary>
internal static class RsvgConvert
{
    public static bool IsInstalled { get; } = File.Exists("/usr/bin/rsvg-convert") || File.Exists("/usr/local/bin/rsvg-convert");

    /// <summary>Renders the SVG to a PNG; with <c>RSSPOT_CHART_RENDERS</c> set, also keeps named renders in that folder.</summary>
    public static async Task<PngImage> RenderAsync(string svg, string? name)
    {
        using var work = new TempDirectory();
        var input = Path.Combine(work.Path, "chart.svg");
        var output = Path.Combine(work.Path, "chart.png");
        await File.WriteAllTextAsync(input, svg);
        var result = await LocalPackageFeed.RunAsync("rsvg-convert", work.Path, "-f", "png", "-o", output, input);
        Assert.True(result.ExitCode == 0, $"rsvg-convert failed: {result.Stderr}");
        if (name is not null && Environment.GetEnvironmentVariable("RSSPOT_CHART_RENDERS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(output, Path.Combine(keep, name + ".png"), overwrite: true);
            File.Copy(input, Path.Combine(keep, name + ".svg"), overwrite: true);
        }

        return PngImage.Read(await File.ReadAllBytesAsync(output));
    }
}
