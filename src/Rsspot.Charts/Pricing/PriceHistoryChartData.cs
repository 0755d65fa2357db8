namespace Rsspot.Pricing;

/// <summary>What a price history chart shows: the hammer prices, the class's percentiles and market price, and bids.</summary>
/// <param name="History">The hammer price history (one line).</param>
public sealed record PriceHistoryChartData(PriceHistory History)
{
    /// <summary>The 20th percentile in USD per node-hour (with <see cref="P80"/>: the shaded band).</summary>
    public decimal? P20 { get; init; }

    /// <summary>The median in USD per node-hour.</summary>
    public decimal? P50 { get; init; }

    /// <summary>The 80th percentile in USD per node-hour.</summary>
    public decimal? P80 { get; init; }

    /// <summary>The current market price in USD per node-hour.</summary>
    public decimal? MarketPerHour { get; init; }

    /// <summary>Bids to draw as horizontal lines.</summary>
    public IReadOnlyList<BidLine> Bids { get; init; } = [];

    /// <summary>The history with the percentiles and market price of the class's price row (when there is one).</summary>
    /// <param name="history">The hammer price history.</param>
    /// <param name="prices">The price row of the same class, or null.</param>
    /// <param name="bids">Bids to draw, or null.</param>
    public static PriceHistoryChartData From(PriceHistory history, PriceRow? prices, IEnumerable<BidLine>? bids = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new PriceHistoryChartData(history)
        {
            P20 = prices?.P20,
            P50 = prices?.P50,
            P80 = prices?.P80,
            MarketPerHour = prices?.MarketPerHour,
            Bids = bids?.ToList() ?? [],
        };
    }
}
