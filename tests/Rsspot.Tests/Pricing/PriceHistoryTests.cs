using Rsspot.Pricing;

namespace Rsspot.Tests.Pricing;

public class PriceHistoryTests
{
    [Fact]
    public void FromRaw_orders_points_converts_times_and_skips_bad_entries()
    {
        PriceHistory history = PriceHistory.FromRaw(
            "gp.vs1.medium-dfw",
            [(1_700_000_600, 0.012f), (1_700_000_000, 0.010), (null, 0.5), (1_700_000_300, null), (1_700_000_900, double.NaN), (1_700_001_200, -1)]);

        Assert.Equal(
            [
                PricePoint.FromUnixSeconds(1_700_000_000, 0.010m),
                PricePoint.FromUnixSeconds(1_700_000_600, 0.012m),
            ],
            history.Points);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), history.Points[0].At);
    }

    [Fact]
    public void FromRaw_reads_single_precision_prices_as_published()
    {
        (long? RunAt, float? HammerPrice)[] entries = [(1_700_000_000, 0.0123f), (1_700_000_060, null), (1_700_000_120, float.PositiveInfinity)];

        PriceHistory history = PriceHistory.FromRaw("gp.vs1.medium-dfw", entries);

        Assert.Equal([PricePoint.FromUnixSeconds(1_700_000_000, 0.0123m)], history.Points);
    }

    [Fact]
    public void Summary_gives_min_max_first_last_and_mean()
    {
        PriceHistory history = PriceHistory.Create(
            "x",
            [PricePoint.FromUnixSeconds(30, 0.02m), PricePoint.FromUnixSeconds(10, 0.01m), PricePoint.FromUnixSeconds(20, 0.04m)]);

        PriceSummary summary = history.Summary!;

        Assert.Equal((3, 0.01m, 0.04m, 0.01m, 0.02m), (summary.Count, summary.Min, summary.Max, summary.First, summary.Last));
        Assert.Equal(0.023333m, summary.Mean);
        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(10), DateTimeOffset.FromUnixTimeSeconds(30)), (summary.From, summary.To));
    }

    [Fact]
    public void An_empty_history_has_no_summary_and_an_empty_sparkline()
    {
        PriceHistory history = PriceHistory.Create("x", []);

        Assert.Null(history.Summary);
        Assert.Equal("", history.Sparkline());
    }

    [Fact]
    public void Sparkline_maps_lowest_to_highest_block()
    {
        Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Render([0m, 1m, 2m, 3m, 4m, 5m, 6m, 7m]));
        Assert.Equal("▁█▁", Sparkline.Render([0.01m, 0.03m, 0.01m]));
        Assert.Equal("▄▄▄", Sparkline.Render([5m, 5m, 5m]));
    }

    [Fact]
    public void Sparkline_averages_long_series_into_the_width()
    {
        decimal[] values = [.. Enumerable.Range(0, 100).Select(i => (decimal)(i / 50))];

        string line = Sparkline.Render(values, maxWidth: 10);

        Assert.Equal("▁▁▁▁▁█████", line);
    }
}
