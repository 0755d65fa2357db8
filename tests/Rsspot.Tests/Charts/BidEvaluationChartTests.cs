using Rsspot.Pricing;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>The bid evaluation chart drawn from the emulator's price data, read back from its SVG.</summary>
public sealed class BidEvaluationChartTests : IClassFixture<EmulatorFixture>
{
    private const string ServerClass = "ch.vs1.medium-dfw";
    private const string MarketStroke = "rgb(255,127,14)";
    private static readonly string[] PolicyColours = ["rgb(31,119,180)", "rgb(148,103,189)"];

    private readonly EmulatorFixture _fixture;

    public BidEvaluationChartTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Market_and_each_policys_bid_are_lines_of_every_auction_and_lost_auctions_are_shaded_runs()
    {
        using var client = _fixture.Client();
        var history = await client.Pricing.GetHistoryAsync(ServerClass);
        var prices = Assert.Single(await client.Pricing.GetAsync(ServerClass));
        Assert.True(history.Points.Count > 4 && prices.P50 is not null && prices.P80 is not null);
        var market = history.Points.Select(p => new MarketPrice(p.At, p.HammerPerHour)).ToList();
        PolicyBids Fixed(string name, decimal bid) => new(name, [.. market.Select(m => new PolicyBid(m.At, bid, bid >= m.PerNodeHour))]);
        PolicyBids[] policies = [Fixed("fixed at P50", prices.P50!.Value), Fixed("fixed at P80", prices.P80!.Value)];
        Assert.Contains(policies[0].Bids, b => !b.Won);

        var svg = SvgChart.Parse(PriceChart.BidEvaluation(new BidEvaluationChartData(ServerClass, market, policies)).ToSvg());

        Assert.True(svg.HasText($"{ServerClass}: bids against the market"));
        Assert.True(svg.HasText("Time (UTC)") && svg.HasText("Price (USD per node-hour)"));
        Assert.True(svg.HasText("market price") && svg.HasText("bid: fixed at P50") && svg.HasText("bid: fixed at P80"));

        var marketLine = Assert.Single(svg.Series, s => s.Stroke == MarketStroke);
        AssertLine(svg, marketLine, [.. market.Select(m => m.PerNodeHour)]);
        for (var i = 0; i < policies.Length; i++)
        {
            var policy = policies[i];
            var line = Assert.Single(svg.Series, s => s.Stroke == PolicyColours[i]);
            AssertLine(svg, line, [.. policy.Bids.Select(b => b.PerNodeHour)]);
            Assert.Equal(marketLine.Points.Select(p => p.X), line.Points.Select(p => p.X));

            // One shaded block per run of lost auctions, from the run's first auction to the auction after it.
            var runs = Runs([.. policy.Bids.Select(b => b.Won)]);
            var blocks = svg.Rects.Where(r => r.Fill == PolicyColours[i]).OrderBy(r => r.X).ToList();
            Assert.Equal(runs.Count, blocks.Count);
            foreach (var ((first, afterLast), block) in runs.Zip(blocks))
            {
                Assert.True(Near(block.X, marketLine.Points[first].X), $"block at x {block.X}, run starts at {marketLine.Points[first].X}");
                var end = afterLast < market.Count ? marketLine.Points[afterLast].X : marketLine.Points[^1].X + (marketLine.Points[^1].X - marketLine.Points[^2].X);
                Assert.True(Near(block.X + block.Width, end), $"block ends at {block.X + block.Width}, expected {end}");
                Assert.True(block.Y + block.Height <= svg.YOf(market.Max(m => m.PerNodeHour)) && block.Y >= svg.Top - 0.75, "the band sits above the prices, inside the plot");
            }

            Assert.True(svg.HasText($"{policy.Policy}: lost {policy.Bids.Count(b => !b.Won)} of {market.Count} auctions"));
        }
    }

    [Fact]
    public void A_lost_last_auction_is_shaded_for_one_step_and_empty_data_is_refused()
    {
        var start = DateTimeOffset.UnixEpoch.AddDays(20000);
        var market = Enumerable.Range(0, 6).Select(i => new MarketPrice(start.AddMinutes(10 * i), 0.01m + (i * 0.001m))).ToList();
        var bids = new PolicyBids("fixed", [.. market.Select(m => new PolicyBid(m.At, 0.0125m, m.PerNodeHour <= 0.0125m))]);
        var svg = SvgChart.Parse(PriceChart.BidEvaluation(new BidEvaluationChartData("pool", market, [bids])).ToSvg());
        var block = Assert.Single(svg.Rects, r => r.Fill == PolicyColours[0]);
        var line = Assert.Single(svg.Series, s => s.Stroke == PolicyColours[0]);
        var step = line.Points[1].X - line.Points[0].X;
        Assert.True(Near(block.X, line.Points[3].X) && Near(block.Width, 3 * step), $"block {block}");

        Assert.Throws<ArgumentException>(() => PriceChart.BidEvaluation(new BidEvaluationChartData("pool", [], [bids])));
        Assert.Throws<ArgumentException>(() => PriceChart.BidEvaluation(new BidEvaluationChartData("pool", market, [])));
        Assert.Throws<ArgumentException>(() => PriceChart.BidEvaluation(new BidEvaluationChartData("pool", market, [new PolicyBids("none", [])])));
    }

    /// <summary>One point per auction at its price's row, all inside the plot (the axes' ranges hold every value).</summary>
    private static void AssertLine(SvgChart svg, SvgLine line, IReadOnlyList<decimal> values)
    {
        Assert.Equal(values.Count, line.Points.Count);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.True(Near(line.Points[i].Y, svg.YOf(values[i])), $"point {i}: y {line.Points[i].Y}, expected {svg.YOf(values[i])}");
            Assert.InRange(line.Points[i].Y, svg.Top, svg.Bottom);
            Assert.InRange(line.Points[i].X, svg.Left, svg.Right);
        }
    }

    /// <summary>The runs of lost auctions as (first lost, first won after it) indexes.</summary>
    private static List<(int First, int AfterLast)> Runs(IReadOnlyList<bool> won)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < won.Count; i++)
        {
            if (!won[i] && (i == 0 || won[i - 1]))
            {
                var end = i;
                while (end < won.Count && !won[end])
                {
                    end++;
                }

                runs.Add((i, end));
            }
        }

        return runs;
    }

    private static bool Near(double actual, double expected) => Math.Abs(actual - expected) < 0.75;
}
