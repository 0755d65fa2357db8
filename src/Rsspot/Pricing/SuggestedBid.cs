namespace Rsspot.Pricing;

/// <summary>A suggested bid per node-hour and how it was derived.</summary>
/// <param name="PerNodeHour">Bid in USD per node-hour, rounded up to 3 decimals (the most the API takes).</param>
/// <param name="Source">Whether percentile data or the market multiplier was used.</param>
/// <param name="Basis">A readable derivation, e.g. <c>80th percentile $0.015 (market $0.012)</c>.</param>
public sealed record SuggestedBid(decimal PerNodeHour, BidSource Source, string Basis);
