namespace Rsspot.Pricing;

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
