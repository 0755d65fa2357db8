namespace Rsspot.Pricing;

/// <summary>How safe a spot pool's bid is against its market.</summary>
public enum PoolBidStatus
{
    /// <summary>The bid is above the market by more than the margin, and the market is not rising towards it.</summary>
    Winning,

    /// <summary>The bid is within the margin of the market, or the market's trend reaches it within the horizon.</summary>
    AtRisk,

    /// <summary>The bid is below the market, or the pool won fewer nodes than it wants.</summary>
    Losing,
}
