namespace Rsspot.Pricing;

/// <summary>One auction of a server class: when it ran and its clearing (hammer) price.</summary>
/// <param name="At">Auction time (UTC).</param>
/// <param name="HammerPerHour">Clearing price, USD per node-hour.</param>
public readonly record struct PricePoint(DateTimeOffset At, decimal HammerPerHour)
{
    /// <summary>A point from the history document's <c>run_at</c> (Unix seconds) and <c>hammer_price</c>.</summary>
    public static PricePoint FromUnixSeconds(long runAt, decimal hammerPrice) =>
        new(DateTimeOffset.FromUnixTimeSeconds(runAt), hammerPrice);
}
