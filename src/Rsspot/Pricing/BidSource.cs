namespace Rsspot.Pricing;

/// <summary>Where a suggested bid came from.</summary>
public enum BidSource
{
    /// <summary>The percentile of recent clearing prices that matches the risk level.</summary>
    Percentile,

    /// <summary>The market price times the risk level's multiplier (no percentile data).</summary>
    MarketMultiplier,
}
