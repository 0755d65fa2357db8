using System.Globalization;
using System.Text.RegularExpressions;
using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>
/// The charts as a renderer draws them (each derived class names one): every text's ink lies inside the image
/// (the title is not cut), legend labels lie whole inside their legend and level with their swatches, tick labels
/// level with their ticks. Covers the charts <c>rsspot pricing history/compare --plot</c> and <c>Rsspot.Charts</c>
/// draw and the pictures in docs/. Nothing relies on <c>dominant-baseline</c>, which librsvg ignores.
/// </summary>
public abstract partial class ChartRenderingChecks : IClassFixture<EmulatorFixture>
{
    private const string ServerClass = "gp.vs1.medium-dfw";
    private readonly EmulatorFixture _fixture;
    private readonly IChartRenderer _renderer;

    private protected ChartRenderingChecks(EmulatorFixture fixture, IChartRenderer renderer)
    {
        _fixture = fixture;
        _renderer = renderer;
    }

    /// <summary>The pictures under docs/ (the README and the guides show them).</summary>
    public static TheoryData<string> DocsPictures() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "docs"), "*.svg").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [SkippableFact]
    public async Task The_history_chart_renders_with_every_text_in_place()
    {
        Skip.IfNot(_renderer.IsInstalled, _renderer.SkipReason);
        using var client = _fixture.Client();
        var cloudspace = $"render-{Guid.NewGuid():N}"[..20];
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(cloudspace, "us-central-dfw-1"));
        await client.SpotNodePools.CreateAsync(new SpotNodePoolRequest(cloudspace, ServerClass, 0.007m));
        await client.SpotNodePools.CreateAsync(new SpotNodePoolRequest(cloudspace, ServerClass, 0.009m));
        var chart = await client.GetPriceHistoryChartAsync(ServerClass, cloudspace);

        await AssertRendersAsync("history", chart.ToSvg(), ["Hammer price"]);
    }

    [SkippableFact]
    public async Task The_compare_chart_renders_with_labels_beside_their_swatches()
    {
        Skip.IfNot(_renderer.IsInstalled, _renderer.SkipReason);
        using var client = _fixture.Client();
        string[] classes = [ServerClass, "gp.vs1.large-dfw", "ch.vs1.medium-dfw"];
        var chart = await client.GetPriceCompareChartAsync(classes);

        await AssertRendersAsync("compare", chart.ToSvg(), classes);
    }

    [SkippableFact]
    public async Task The_bid_evaluation_chart_renders_with_every_text_in_place()
    {
        Skip.IfNot(_renderer.IsInstalled, _renderer.SkipReason);
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
        Skip.IfNot(_renderer.IsInstalled, _renderer.SkipReason);
        using var client = _fixture.Client();
        var chart = await client.GetPriceCompareChartAsync([ServerClass, "gp.vs1.large-dfw"]);

        await AssertRendersAsync("compare-narrow", chart.ToSvg(640, 360), [ServerClass, "gp.vs1.large-dfw"]);
    }

    [SkippableTheory]
    [MemberData(nameof(DocsPictures), MemberType = typeof(ChartRenderingChecks))]
    public async Task A_docs_picture_renders_with_every_text_in_place(string file)
    {
        Skip.IfNot(_renderer.IsInstalled, _renderer.SkipReason);
        var svg = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "docs", file));
        var legend = LegendBox().Matches(svg).Select(m => Box(m)).ToList();
        var labels = TextElement().Matches(svg)
            .Where(t => legend.Any(b => b.Contains(Anchor(t.Value).X, Anchor(t.Value).Y)))
            .Select(t => System.Net.WebUtility.HtmlDecode(t.Groups["content"].Value))
            .ToList();
        Assert.True(labels.Count > 0, $"docs/{file} has no legend labels");

        await AssertRendersAsync("docs-" + Path.GetFileNameWithoutExtension(file), svg, labels);
    }

    private async Task AssertRendersAsync(string name, string svg, IReadOnlyList<string> legendLabels)
    {
        Assert.DoesNotContain("dominant-baseline", svg, StringComparison.Ordinal);
        Assert.Contains("font-family=\"DejaVu Sans, Verdana, sans-serif\"", svg, StringComparison.Ordinal);
        var size = SvgSize().Match(svg);
        var (width, height) = (int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture));
        var texts = TextElement().Matches(svg).ToList();
        Assert.NotEmpty(texts);

        var render = await _renderer.RenderAsync(svg, name, [.. texts.Select(t => t.Value)], width, height);

        Assert.True(render.Whole is not null, $"{name}: the chart draws nothing");
        var whole = render.Whole.Value;
        Assert.True(whole.Left >= 2 && whole.Top >= 2 && whole.Right <= width - 3 && whole.Bottom <= height - 3, $"{name}: ink ({whole.Left},{whole.Top})-({whole.Right},{whole.Bottom}) reaches the edge of the {width}x{height} image");

        var legend = LegendBox().Matches(svg).Select(m => Box(m)).ToList();
        var swatches = Swatches(svg);
        var checkedLabels = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var content = System.Net.WebUtility.HtmlDecode(text.Groups["content"].Value);
            var ink = render.Texts[i];
            Assert.True(ink is not null, $"{name}: '{content}' draws nothing");
            var (left, top, right, bottom) = (ink.Value.Left, ink.Value.Top, ink.Value.Right, ink.Value.Bottom);
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
