namespace Rsspot.Pricing;

/// <summary>Which rule of <see cref="BidPolicy"/> sets a plan's bids.</summary>
public enum BidPolicyKind
{
    /// <summary>Market × 1.35 / 1.20 / 1.05 by risk, as the Python rsspot and the pricing article document (the default).</summary>
    Market,

    /// <summary>The risk's percentile of recent clearing prices (80th / 50th / 20th), never below market × 1.05.</summary>
    Percentile,
}
