using Rsspot.Services;

namespace Rsspot.Pricing;

/// <summary>
/// The highest bid any writer of this SDK sends for a server class (node pool create and update, cloudspace create,
/// the bid guard, the pricing builder's apply). By default it is the class's on-demand price; when that is unknown,
/// <see cref="MarketMultiple"/> × the market price; with neither, no bid is sent. The user replaces it explicitly
/// (a request's <c>MaxBid</c>, the profile's <c>max_bid</c>, <c>RSSPOT_MAX_BID</c>, the CLI's <c>--max-bid</c>), never
/// by default. A bid above it is refused before any request with <see cref="BidCeilingException"/>.
/// </summary>
/// <param name="ServerClass">The class the ceiling is for.</param>
/// <param name="Ceiling">USD per node-hour; null when <see cref="Source"/> is <see cref="BidCeilingSource.Unknown"/>.</param>
/// <param name="Source">Where the ceiling comes from.</param>
public sealed record BidCeiling(string ServerClass, decimal? Ceiling, BidCeilingSource Source)
{
    /// <summary>The multiple of the market price that bounds a bid when the class's on-demand price is unknown: 3.</summary>
    public const decimal MarketMultiple = 3m;

    /// <summary>The ceiling of a class from what is known of it.</summary>
    /// <param name="serverClass">The class name.</param>
    /// <param name="onDemandPerHour">The class's on-demand price per node-hour, when known.</param>
    /// <param name="marketPerHour">The class's market price per node-hour, when known.</param>
    /// <param name="explicitMaxBid">A ceiling the user set; it replaces the default.</param>
    public static BidCeiling For(string serverClass, decimal? onDemandPerHour, decimal? marketPerHour, decimal? explicitMaxBid = null)
    {
        ArgumentNullException.ThrowIfNull(serverClass);
        if (explicitMaxBid is decimal max)
        {
            return new BidCeiling(serverClass, max, BidCeilingSource.Explicit);
        }

        if (onDemandPerHour is decimal onDemand && onDemand > 0m)
        {
            return new BidCeiling(serverClass, onDemand, BidCeilingSource.OnDemand);
        }

        return marketPerHour is decimal market && market > 0m
            ? new BidCeiling(serverClass, BidPrice.RoundDown(market * MarketMultiple), BidCeilingSource.MarketMultiple)
            : new BidCeiling(serverClass, null, BidCeilingSource.Unknown);
    }

    /// <summary>The ceiling of a price row (its on-demand and market prices).</summary>
    /// <param name="row">The row.</param>
    /// <param name="explicitMaxBid">A ceiling the user set; it replaces the default.</param>
    public static BidCeiling For(PriceRow row, decimal? explicitMaxBid = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return For(row.ClassName, row.OnDemandPerHour, row.MarketPerHour, explicitMaxBid);
    }

    /// <summary>True when <paramref name="bid"/> is at most the ceiling.</summary>
    /// <param name="bid">USD per node-hour.</param>
    public bool Allows(decimal bid) => Ceiling is decimal ceiling && bid <= ceiling;

    /// <summary>The ceiling in words, e.g. <c>$0.024 (the on-demand price)</c>.</summary>
    public string Describe() => Source switch
    {
        BidCeilingSource.Explicit => $"{PriceText.FormatUsd(Ceiling!.Value)} (the max bid you set)",
        BidCeilingSource.OnDemand => $"{PriceText.FormatUsd(Ceiling!.Value)} (its on-demand price)",
        BidCeilingSource.MarketMultiple => $"{PriceText.FormatUsd(Ceiling!.Value)} ({MarketMultiple:0}x its market price; no on-demand price is known)",
        _ => "unknown (no on-demand or market price is known)",
    };

    /// <summary>Throws <see cref="BidCeilingException"/> when <paramref name="bid"/> is above the ceiling (or none is known).</summary>
    /// <param name="bid">USD per node-hour.</param>
    public void Ensure(decimal bid)
    {
        if (!Allows(bid))
        {
            throw new BidCeilingException(this, bid);
        }
    }
}
