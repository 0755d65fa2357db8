using System.Globalization;
using Rsspot.Services;

using static System.FormattableString;

namespace Rsspot.Pricing;

/// <summary>
/// Suggests bids per node-hour; the one bid rule of the SDK, used by the pricing builder and the bid guard.
/// <list type="number">
/// <item><see cref="BidPolicyKind.Market"/> (the default, as the Python rsspot and the pricing article document):
/// bid = market × 1.35 / 1.20 / 1.05 for <see cref="RiskLevel.Low"/> / <see cref="RiskLevel.Medium"/> /
/// <see cref="RiskLevel.High"/>, at least the minimum bid; source <see cref="BidSource.MarketMultiplier"/>.</item>
/// <item><see cref="BidPolicyKind.Percentile"/>: bid = max(the risk's percentile of recent clearing prices (80th / 50th
/// / 20th), market × <see cref="AtRiskMultiplier"/>, minimum bid); source <see cref="BidSource.Percentile"/>. Without
/// that percentile it falls back to the market rule.</item>
/// <item>Every bid is rounded up to the API's 0.001 step (<see cref="BidPrice.RoundUp"/>), so it never drops below the
/// amount it came from. No bid is suggested when the market price is unknown or not positive.</item>
/// <item>No policy bids below market × <see cref="AtRiskMultiplier"/> (the high-risk multiplier), the bid guard's default
/// at-risk line: a pool created from a plan is never at risk by the guard's rule while the market holds.</item>
/// </list>
/// </summary>
public static class BidPolicy
{
    /// <summary>
    /// The lowest multiple of the market any policy bids (the high-risk multiplier, 1.05); the bid guard's default margin
    /// is this minus 1, so the two agree on what is at risk.
    /// </summary>
    public const decimal AtRiskMultiplier = 1.05m;

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

    /// <summary>The suggested bid for a row under the market rule, or null when its market price is unknown or not positive.</summary>
    public static SuggestedBid? Suggest(PriceRow row, RiskLevel risk) => Suggest(row, risk, BidPolicyKind.Market);

    /// <summary>The suggested bid for a row, or null when its market price is unknown or not positive.</summary>
    /// <param name="row">The class's prices.</param>
    /// <param name="risk">The risk accepted.</param>
    /// <param name="kind">Which rule sets the bid.</param>
    public static SuggestedBid? Suggest(PriceRow row, RiskLevel risk, BidPolicyKind kind)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Compute(row, risk, kind) is BidQuote quote ? new SuggestedBid(quote.PerNodeHour, quote.Source, Basis(row, quote)) : null;
    }

    /// <summary>The bid without its readable basis (the builder prices thousands of rows and describes a few).</summary>
    internal static BidQuote? Compute(PriceRow row, RiskLevel risk, BidPolicyKind kind = BidPolicyKind.Market)
    {
        if (row.MarketPerHour is not decimal market || market <= 0m)
        {
            return null;
        }

        decimal minimum = row.MinimumBidPerHour ?? 0m;
        decimal? percentile = kind == BidPolicyKind.Percentile
            ? TargetPercentile(risk) switch
            {
                80 => row.P80,
                50 => row.P50,
                _ => row.P20,
            }
            : null;

        if (percentile is decimal value)
        {
            decimal floor = Math.Max(market * AtRiskMultiplier, minimum);
            return new BidQuote(BidPrice.RoundUp(Math.Max(value, floor)), BidSource.Percentile, risk, value, floor);
        }

        return new BidQuote(BidPrice.RoundUp(Math.Max(market * Multiplier(risk), minimum)), BidSource.MarketMultiplier, risk, null, market, kind);
    }

    /// <summary>A readable derivation of a computed bid.</summary>
    internal static string Basis(PriceRow row, BidQuote quote)
    {
        decimal market = row.MarketPerHour ?? 0m;
        int target = TargetPercentile(quote.Risk);
        if (quote.Percentile is decimal value)
        {
            string floorNote = value < quote.Floor ? $", raised to the floor {PriceText.FormatUsd(quote.Floor)} = max(market × {AtRiskMultiplier.ToString("0.00", CultureInfo.InvariantCulture)}, minimum bid)" : string.Empty;
            return Invariant($"{target}th percentile {PriceText.FormatUsd(value)} (market {PriceText.FormatUsd(market)}{floorNote})");
        }

        decimal multiplier = Multiplier(quote.Risk);
        string minimumNote = row.MinimumBidPerHour > market * multiplier
            ? $", raised to the minimum bid {PriceText.FormatUsd(row.MinimumBidPerHour.Value)}"
            : string.Empty;
        string why = quote.Kind == BidPolicyKind.Market
            ? $"risk {quote.Risk.ToShortName()}"
            : row.HasPercentiles ? Invariant($"no {target}th percentile") : $"no percentile data for {row.ClassName} in {DescribeRegion(row.Region)}";
        return $"market {PriceText.FormatUsd(market)} × {multiplier.ToString("0.00", CultureInfo.InvariantCulture)} ({why}{minimumNote})";
    }

    private static string DescribeRegion(string region) => region.Length == 0 ? "an unknown region" : region;
}
