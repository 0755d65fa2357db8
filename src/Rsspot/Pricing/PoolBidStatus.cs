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

/// <summary>What the bid guard would do (or did) to a pool's bid.</summary>
public enum BidAction
{
    /// <summary>Leave the bid as it is.</summary>
    Hold,

    /// <summary>Raise the bid.</summary>
    Raise,

    /// <summary>Lower the bid (the market fell far below it).</summary>
    Lower,
}

/// <summary>Text forms of <see cref="PoolBidStatus"/> and <see cref="BidAction"/> for tables and JSON.</summary>
public static class BidGuardText
{
    /// <summary><c>winning</c>, <c>at-risk</c> or <c>losing</c>.</summary>
    public static string Of(PoolBidStatus status) => status switch
    {
        PoolBidStatus.Winning => "winning",
        PoolBidStatus.AtRisk => "at-risk",
        _ => "losing",
    };

    /// <summary><c>hold</c>, <c>raise</c> or <c>lower</c>.</summary>
    public static string Of(BidAction action) => action switch
    {
        BidAction.Raise => "raise",
        BidAction.Lower => "lower",
        _ => "hold",
    };
}
