using System.Globalization;
using Rsspot.Services;

using static System.FormattableString;

namespace Rsspot.Pricing;

/// <summary>
/// Suggests bids per node-hour.
/// <list type="number">
/// <item>Target: the 80th percentile for <see cref="RiskLevel.Low"/>, the 50th for <see cref="RiskLevel.Medium"/>,
/// the 20th for <see cref="RiskLevel.High"/>, from the percentiles document of the class's region.</item>
/// <item>When that percentile is known: bid = max(percentile, market price, minimum bid); source
/// <see cref="BidSource.Percentile"/>. The market floor matters when prices rose above the recent percentile:
/// a bid below the market would not win the auction.</item>
/// <item>Otherwise: bid = max(market × 1.35 / 1.20 / 1.05 for low / med / high, minimum bid); source
/// <see cref="BidSource.MarketMultiplier"/> (the Python tool's rule).</item>
/// <item>The bid is rounded up to 3 decimals, the most the API takes (so it never drops below its floor). No bid is suggested when the
/// market price is unknown or not positive.</item>
/// </list>
/// </summary>
public static class BidPolicy
{
    /// <summary>The market-price multiplier of a risk level: 1.35, 1.20 or 1.05.</summary>
    public static decimal Multiplier(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => 1.35m,
        RiskLevel.Medium => 1.20m,
        RiskLevel.High => 1.05m,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Unknown risk level."),
    };

    /// <summary>The percentile a risk level bids at: 80, 50 or 20.</summary>
    public static int TargetPercentile(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => 80,
        RiskLevel.Medium => 50,
        RiskLevel.High => 20,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Unknown risk level."),
    };

    /// <summary>How many pools the balanced scenario spreads over: 3, 2 or 1.</summary>
    public static int BalancedPoolCount(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => 3,
        RiskLevel.Medium => 2,
        RiskLevel.High => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Unknown risk level."),
    };

    /// <summary>The suggested bid for a row, or null when its market price is unknown or not positive.</summary>
    public static SuggestedBid? Suggest(PriceRow row, RiskLevel risk)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Compute(row, risk) is BidQuote quote ? new SuggestedBid(quote.PerNodeHour, quote.Source, Basis(row, quote)) : null;
    }

    /// <summary>The bid without its readable basis (the builder prices thousands of rows and describes a few).</summary>
    internal static BidQuote? Compute(PriceRow row, RiskLevel risk)
    {
        if (row.MarketPerHour is not decimal market || market <= 0m)
        {
            return null;
        }

        int target = TargetPercentile(risk);
        decimal floor = Math.Max(market, row.MinimumBidPerHour ?? 0m);
        decimal? percentile = target switch
        {
            80 => row.P80,
            50 => row.P50,
            _ => row.P20,
        };

        return percentile is decimal value
            ? new BidQuote(BidPrice.RoundUp(Math.Max(value, floor)), BidSource.Percentile, risk, value, floor)
            : new BidQuote(BidPrice.RoundUp(Math.Max(market * Multiplier(risk), row.MinimumBidPerHour ?? 0m)), BidSource.MarketMultiplier, risk, null, floor);
    }

    /// <summary>A readable derivation of a computed bid.</summary>
    internal static string Basis(PriceRow row, BidQuote quote)
    {
        decimal market = row.MarketPerHour ?? 0m;
        int target = TargetPercentile(quote.Risk);
        if (quote.Percentile is decimal value)
        {
            string floorNote = value < quote.Floor ? $", raised to the floor {PriceText.FormatUsd(quote.Floor)}" : string.Empty;
            return Invariant($"{target}th percentile {PriceText.FormatUsd(value)} (market {PriceText.FormatUsd(market)}{floorNote})");
        }

        decimal multiplier = Multiplier(quote.Risk);
        string minimumNote = row.MinimumBidPerHour > market * multiplier
            ? $", raised to the minimum bid {PriceText.FormatUsd(row.MinimumBidPerHour.Value)}"
            : string.Empty;
        string why = row.HasPercentiles
            ? Invariant($"no {target}th percentile")
            : $"no percentile data for {row.ClassName} in {DescribeRegion(row.Region)}";
        return $"market {PriceText.FormatUsd(market)} × {multiplier.ToString("0.00", CultureInfo.InvariantCulture)} ({why}{minimumNote})";
    }

    private static string DescribeRegion(string region) => region.Length == 0 ? "an unknown region" : region;
}

/// <summary>A computed bid: the amount, its source, and what the readable basis needs.</summary>
internal readonly record struct BidQuote(decimal PerNodeHour, BidSource Source, RiskLevel Risk, decimal? Percentile, decimal Floor);
