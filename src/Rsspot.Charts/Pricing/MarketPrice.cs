namespace Rsspot.Pricing;

/// <summary>The market (clearing) price of one auction.</summary>
/// <param name="At">When the auction ran.</param>
/// <param name="PerNodeHour">The market price in USD per node-hour.</param>
public sealed record MarketPrice(DateTimeOffset At, decimal PerNodeHour);
