namespace Rsspot.Pricing;

/// <summary>Where a <see cref="BidCeiling"/> comes from.</summary>
public enum BidCeilingSource
{
    /// <summary>The user set it (<c>--max-bid</c>, <c>max_bid</c>, <c>RSSPOT_MAX_BID</c> or a request's <c>MaxBid</c>).</summary>
    Explicit,

    /// <summary>The class's on-demand price: a spot node never needs to cost more than the same node on demand.</summary>
    OnDemand,

    /// <summary>No on-demand price is known: <see cref="BidCeiling.MarketMultiple"/> × the class's market price.</summary>
    MarketMultiple,

    /// <summary>Neither an on-demand nor a market price is known: no bid is allowed without an explicit ceiling.</summary>
    Unknown,
}
