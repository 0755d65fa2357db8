namespace Rsspot.Pricing;

/// <summary>
/// The bid guard's verdict on one pool: its status, what to do with its bid and why, with every figure the decision used.
/// </summary>
public sealed record BidRecommendation
{
    /// <summary>The pool and its market as read.</summary>
    public required PoolMarket Pool { get; init; }

    /// <summary>How safe the current bid is.</summary>
    public required PoolBidStatus Status { get; init; }

    /// <summary>What to do with the bid.</summary>
    public required BidAction Action { get; init; }

    /// <summary>The bid to set (the current bid when <see cref="Action"/> is <see cref="BidAction.Hold"/>), USD per node-hour.</summary>
    public decimal? RecommendedBid { get; init; }

    /// <summary>The policy's bid before caps: max(target percentile, market, rising market projected) × (1 + margin), at least the minimum bid.</summary>
    public decimal? Target { get; init; }

    /// <summary>The percentile value the target used, when known.</summary>
    public decimal? PercentileUsed { get; init; }

    /// <summary>Change of the clearing price per auction over the recent history (positive: rising).</summary>
    public decimal? TrendPerAuction { get; init; }

    /// <summary>True when the per-pool maximum bid held the recommendation below <see cref="Target"/>.</summary>
    public bool LimitedByMaxBid { get; init; }

    /// <summary>True when the cluster budget held the recommendation below <see cref="Target"/>.</summary>
    public bool LimitedByBudget { get; init; }

    /// <summary>The ceiling the plan kept under, USD per node-hour (see <see cref="BidGuardPlanner.CeilingOf"/>); null when none is known.</summary>
    public decimal? Ceiling { get; init; }

    /// <summary>True when the market itself is above the ceiling: the guard held the bid instead of chasing the market.</summary>
    public bool MarketAboveCeiling { get; init; }

    /// <summary>Why, in one line, with the figures.</summary>
    public required string Reason { get; init; }

    /// <summary>True when applying this recommendation changes the pool's bid.</summary>
    public bool ChangesBid => Action != BidAction.Hold && RecommendedBid is not null && RecommendedBid != Pool.Bid;
}
