using Rsspot.Pricing;

namespace Rsspot;

/// <summary>
/// A bid above its class's <see cref="Pricing.BidCeiling"/> was refused before any request: nothing was sent. Raise the
/// ceiling explicitly (a request's <c>MaxBid</c>, the profile's <c>max_bid</c>, <c>RSSPOT_MAX_BID</c>) if the bid is meant.
/// </summary>
public sealed class BidCeilingException : ArgumentException
{
    /// <summary>A refusal of <paramref name="bid"/> under <paramref name="ceiling"/>.</summary>
    /// <param name="ceiling">The ceiling that refused it.</param>
    /// <param name="bid">The bid, USD per node-hour.</param>
    public BidCeilingException(BidCeiling ceiling, decimal bid)
        : base(Text(ceiling, bid), "bidPrice")
    {
        Ceiling = ceiling;
        Bid = bid;
    }

    /// <summary>For serializers and tests; prefer the other constructor.</summary>
    public BidCeilingException()
        : this(new BidCeiling(string.Empty, null, BidCeilingSource.Unknown), 0m)
    {
    }

    /// <summary>For serializers and tests; prefer the other constructor.</summary>
    /// <param name="message">The message.</param>
    public BidCeilingException(string message)
        : base(message, "bidPrice")
    {
        Ceiling = new BidCeiling(string.Empty, null, BidCeilingSource.Unknown);
    }

    /// <summary>For serializers and tests; prefer the other constructor.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BidCeilingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Ceiling = new BidCeiling(string.Empty, null, BidCeilingSource.Unknown);
    }

    /// <summary>The ceiling that refused the bid.</summary>
    public BidCeiling Ceiling { get; }

    /// <summary>The refused bid, USD per node-hour.</summary>
    public decimal Bid { get; }

    /// <summary>The class the bid was for.</summary>
    public string ServerClass => Ceiling.ServerClass;

    private static string Text(BidCeiling ceiling, decimal bid)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        return $"Bid {PriceText.FormatUsd(bid)} for {ceiling.ServerClass} is above its ceiling {ceiling.Describe()}; nothing was sent. "
            + "If the bid is meant, raise the ceiling explicitly: the request's MaxBid, the profile's max_bid or RSSPOT_MAX_BID.";
    }
}
