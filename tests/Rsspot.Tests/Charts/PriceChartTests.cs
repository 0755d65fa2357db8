using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>The price charts drawn from the emulator's price data, read back from their SVG.</summary>
public sealed class PriceChartTests : IClassFixture<EmulatorFixture>
{
    private const string ServerClass = "gp.vs1.medium-dfw";
    private const string HammerStroke = "rgb(31,119,180)";
    private const string PercentileStroke = "rgb(44,160,44)";
    private const string MarketStroke = "rgb(255,127,14)";
    private const string BidStroke = "rgb(214,39,40)";

    private readonly EmulatorFixture _fixture;

    public PriceChartTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task History_chart_draws_every_auction_the_percentiles_the_market_and_the_bids_where_they_are()
    {
        using var client = _fixture.Client();
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("chart-bids", "us-central-dfw-1"));
        await client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("chart-bids", ServerClass, 0.006m));
        await client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("chart-bids", ServerClass, 0.012m));
        await client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("chart-bids", "gp.vs1.large-dfw", 0.5m));
        var history = await client.Pricing.GetHistoryAsync(ServerClass);
        var prices = Assert.Single(await client.Pricing.GetAsync(ServerClass));
        Assert.True(history.Points.Count > 2 && prices.P20 is not null && prices.P50 is not null && prices.P80 is not null && prices.MarketPerHour is not null);

        var chart = await client.GetPriceHistoryChartAsync(ServerClass, "chart-bids");
        var svg = SvgChart.Parse(chart.ToSvg());

        Assert.Equal((1200, 600), (svg.Width, svg.Height));
        Assert.True(svg.HasText($"{ServerClass}: hammer price history"));
        Assert.True(svg.HasText("Time (UTC)"));
        Assert.True(svg.HasText("Price (USD per node-hour)"));
        Assert.True(svg.HasText("Hammer price"));

        var hammer = Assert.Single(svg.Series, s => s.Stroke == HammerStroke);
        AssertSeriesIs(svg, hammer, history);

        Assert.Contains(svg.HorizontalLines(PercentileStroke), y => Near(y, svg.YOf(prices.P20!.Value)));
        Assert.Contains(svg.HorizontalLines(PercentileStroke), y => Near(y, svg.YOf(prices.P50!.Value)));
        Assert.Contains(svg.HorizontalLines(PercentileStroke), y => Near(y, svg.YOf(prices.P80!.Value)));
        Assert.Contains(svg.HorizontalLines(MarketStroke), y => Near(y, svg.YOf(prices.MarketPerHour!.Value)));

        var bids = svg.HorizontalLines(BidStroke).Order().ToList();
        Assert.Equal(2, bids.Count); // the pool on another class is not drawn
        Assert.True(Near(bids[0], svg.YOf(0.012m)), $"bid line at {bids[0]}, expected {svg.YOf(0.012m)}");
        Assert.True(Near(bids[1], svg.YOf(0.006m)), $"bid line at {bids[1]}, expected {svg.YOf(0.006m)}");
        Assert.Equal(2, svg.Texts.Count(t => t.Text.StartsWith("bid chart-bids/", StringComparison.Ordinal)));
        Assert.Contains(svg.Texts, t => t.Text.StartsWith("bid chart-bids/", StringComparison.Ordinal) && t.Text.EndsWith(" $0.012", StringComparison.Ordinal));
        Assert.All(new[] { 0.006m, 0.012m, prices.P20!.Value, prices.P80!.Value, prices.MarketPerHour!.Value }, v => AssertInsidePlot(svg, svg.YOf(v)));
    }

    [Fact]
    public async Task Compare_chart_draws_one_line_per_class_on_shared_axes()
    {
        using var client = _fixture.Client();
        string[] classes = [ServerClass, "gp.vs1.large-dfw", "ch.vs1.medium-dfw"];
        var histories = new List<PriceHistory>();
        foreach (var name in classes)
        {
            histories.Add(await client.Pricing.GetHistoryAsync(name));
        }

        var svg = SvgChart.Parse((await client.GetPriceCompareChartAsync(classes)).ToSvg());

        Assert.True(svg.HasText("Time (UTC)") && svg.HasText("Price (USD per node-hour)"));
        var series = svg.Series.ToList();
        Assert.Equal(classes.Length, series.Select(s => s.Stroke).Distinct().Count());
        foreach (var history in histories)
        {
            Assert.True(svg.HasText(history.ServerClass), $"legend entry {history.ServerClass}");
            Assert.Contains(series, s => Matches(svg, s, history));
            AssertSeriesIs(svg, series.First(s => Matches(svg, s, history)), history);
        }
    }

    [Fact]
    public void Only_svg_paths_are_written_and_empty_histories_are_refused()
    {
        var start = DateTimeOffset.UnixEpoch.AddDays(20000);
        var history = PriceHistory.Create("gp.vs1.medium-dfw", [new PricePoint(start, 0.01m), new PricePoint(start.AddHours(1), 0.02m), new PricePoint(start.AddHours(3), 0.015m)]);
        var chart = PriceChart.History(new PriceHistoryChartData(history));
        var png = Path.Combine(_fixture.State.Path, "chart.png");
        var error = Assert.Throws<ArgumentException>(() => chart.Save(png));
        Assert.Contains("SVG only", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(png));

        var svgPath = Path.Combine(_fixture.State.Path, "chart.svg");
        chart.Save(svgPath);
        Assert.Equal(chart.ToSvg(), File.ReadAllText(svgPath));
        AssertSeriesIs(SvgChart.Parse(File.ReadAllText(svgPath)), SvgChart.Parse(chart.ToSvg()).Series.Single(), history);

        Assert.Throws<ArgumentException>(() => PriceChart.History(new PriceHistoryChartData(PriceHistory.Create("x", []))));
        Assert.Throws<ArgumentException>(() => PriceChart.Compare([PriceHistory.Create("x", [])]));
    }

    /// <summary>One point per auction, in time order and spaced as the times are, each at its price's row, all inside the plot.</summary>
    private static void AssertSeriesIs(SvgChart svg, SvgLine line, PriceHistory history)
    {
        Assert.Equal(history.Points.Count, line.Points.Count);
        var t0 = history.Points[0].At;
        var span = (history.Points[^1].At - t0).TotalSeconds;
        var x0 = line.Points[0].X;
        var width = line.Points[^1].X - x0;
        for (var i = 0; i < line.Points.Count; i++)
        {
            var (x, y) = line.Points[i];
            Assert.True(Near(y, svg.YOf(history.Points[i].HammerPerHour)), $"point {i}: y {y}, expected {svg.YOf(history.Points[i].HammerPerHour)}");
            Assert.True(Near(x - x0, width * (history.Points[i].At - t0).TotalSeconds / span), $"point {i}: x {x} not at its time");
            AssertInsidePlot(svg, y);
            Assert.InRange(x, svg.Left, svg.Right);
        }

        Assert.InRange(svg.TickValues[0], 0m, history.Points.Min(p => p.HammerPerHour));
    }

    private static bool Matches(SvgChart svg, SvgLine line, PriceHistory history) =>
        line.Points.Count == history.Points.Count && line.Points.Zip(history.Points).All(p => Near(p.First.Y, svg.YOf(p.Second.HammerPerHour)));

    private static void AssertInsidePlot(SvgChart svg, double y) => Assert.InRange(y, svg.Top, svg.Bottom);

    private static bool Near(double actual, double expected) => Math.Abs(actual - expected) < 0.75;
}
