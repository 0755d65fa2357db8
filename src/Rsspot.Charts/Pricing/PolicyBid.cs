namespace Rsspot.Pricing;

/// <summary>A pool's bid in force at one auction, and whether it won the auction.</summary>
/// <param name="At">When the auction ran.</param>
/// <param name="PerNodeHour">The bid in USD per node-hour.</param>
/// <param name="Won">False when the bid lost the auction (the pool's nodes were lost).</param>
public sealed record PolicyBid(DateTimeOffset At, decimal PerNodeHour, bool Won);
