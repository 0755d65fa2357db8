namespace Rsspot.Pricing;

/// <summary>A bid drawn across a price chart as a horizontal line.</summary>
/// <param name="Label">What the line is (e.g. the node pool).</param>
/// <param name="PerNodeHour">The bid in USD per node-hour.</param>
public sealed record BidLine(string Label, decimal PerNodeHour);
