using Rsspot.Services;

using static System.FormattableString;

namespace Rsspot.Pricing;

/// <summary>
/// Classifies spot pools and recommends bids under a <see cref="BidGuardPolicy"/>. Pure: the same pools and policy
/// give the same plan, with or without a server (the evaluation replays a week through it).
/// <list type="number">
/// <item>Status: <c>losing</c> when the bid is below the market or fewer nodes were won than desired; <c>at-risk</c>
/// when the bid is within the margin of the market or the trend of recent clearing prices reaches it within the
/// horizon; otherwise <c>winning</c>.</item>
/// <item>Target: max(target percentile, market, market projected over the horizon when rising) × (1 + margin), at least
/// the class's minimum bid, rounded up to 3 decimals (the most the API takes).</item>
/// <item>Losing and at-risk pools are raised to the target, capped by the maximum bid; winning pools are lowered to the
/// target only when their bid is more than <see cref="BidGuardPolicy.LowerAbove"/> above it (hysteresis).</item>
/// <item>Budget: lowerings and holds are counted first; raises then share what is left of the hourly budget
/// (Σ bid × desired), losing pools before at-risk ones and the furthest behind first. A raise that does not fit is
/// cut to what fits, or held.</item>
/// </list>
/// </summary>
public static class BidGuardPlanner
{

    /// <summary>Plans every pool.</summary>
    /// <param name="pools">The pools and their markets.</param>
    /// <param name="policy">The policy.</param>
    public static BidGuardPlan Plan(IReadOnlyList<PoolMarket> pools, BidGuardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        var recommendations = pools.Select(p => Recommend(p, policy)).ToArray();
        decimal before = pools.Sum(p => Exposure(p.Bid, p.Desired));
        decimal? budget = policy.HourlyBudget;
        if (budget is decimal limit)
        {
            FitBudget(recommendations, limit);
        }

        decimal after = recommendations.Sum(r => Exposure(r.ChangesBid ? r.RecommendedBid : r.Pool.Bid, r.Pool.Desired));
        return new BidGuardPlan(recommendations, before, after, budget);
    }

    /// <summary>The recommendation for one pool, before the cluster budget is applied.</summary>
    /// <param name="pool">The pool and its market.</param>
    /// <param name="policy">The policy.</param>
    public static BidRecommendation Recommend(PoolMarket pool, BidGuardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(policy);
        decimal? trend = MarketTrend.PerAuction(pool.History, policy.TrendPoints);
        if (pool.Market is not decimal market || market <= 0m || pool.Bid is not decimal bid)
        {
            var unknownStatus = !pool.IsPending && (pool.BidStatus == "Lost" || pool.WonCount < pool.Desired) ? PoolBidStatus.Losing : PoolBidStatus.AtRisk;
            return Hold(pool, unknownStatus, trend, pool.Bid is decimal current
                ? $"{Label(pool, unknownStatus)}: no market price for {pool.ServerClass}; hold: bid left at {Usd(current)}"
                : $"{Label(pool, unknownStatus)}: the pool's bid is not a price; nothing to compare; hold");
        }

        BidCeiling ceiling = CeilingOf(pool, policy);
        if (ceiling.Ceiling is not decimal limit)
        {
            var status = bid < market ? PoolBidStatus.Losing : PoolBidStatus.AtRisk;
            return Hold(pool, status, trend, $"{Label(pool, status)}: no ceiling is known for {pool.ServerClass} (no on-demand price); hold: bid left at {Usd(bid)}; set a max bid (MaxBid, max_bid) to let the guard act") with { Ceiling = null };
        }

        if (market > limit)
        {
            // A market above the ceiling is a glitch or a price the user has not agreed to: hold, never chase it.
            return Hold(pool, PoolBidStatus.Losing, trend, $"{Label(pool, PoolBidStatus.Losing)}: market above ceiling: the market {Usd(market)} is above the ceiling {ceiling.Describe()}; hold: bid left at {Usd(bid)}, no raise chases it") with
            {
                Ceiling = limit,
                MarketAboveCeiling = true,
                LimitedByMaxBid = true,
            };
        }

        decimal? percentile = pool.Percentile(policy.TargetPercentile);
        decimal projected = trend is decimal rise && rise > 0m ? market + (rise * policy.TrendHorizon) : market;
        decimal basis = Math.Max(percentile ?? market, projected);
        decimal target = BidPrice.RoundUp(Math.Max(basis * (1 + policy.Margin), pool.Minimum ?? 0m));
        string projectedText = projected > market ? Invariant($", market in {policy.TrendHorizon} auctions {Usd(projected)}") : string.Empty;
        string targetText = Invariant($"target {Usd(target)} = max(p{policy.TargetPercentile} {(percentile is decimal p ? Usd(p) : "unknown")}, market {Usd(market)}{projectedText}) × {1 + policy.Margin:0.00}")
            + (pool.Minimum is decimal min && min > basis * (1 + policy.Margin) ? $", raised to the minimum {Usd(min)}" : string.Empty);
        PoolBidStatus classified = Classify(pool, bid, market, trend, policy, out string why);
        decimal capped = Math.Min(target, BidPrice.RoundDown(limit));
        bool limited = capped < target;
        var recommendation = new BidRecommendation
        {
            Pool = pool,
            Status = classified,
            Action = BidAction.Hold,
            RecommendedBid = bid,
            Target = target,
            PercentileUsed = percentile,
            TrendPerAuction = trend,
            Ceiling = limit,
            Reason = $"{Label(pool, classified)}: {why}; {targetText}",
        };

        if (classified != PoolBidStatus.Winning)
        {
            string capText = limited ? $", capped at the ceiling {ceiling.Describe()}" : string.Empty;
            string belowMarket = capped < market ? " (still below the market: the pool stays outbid)" : string.Empty;
            if (capped > bid)
            {
                return recommendation with { Action = BidAction.Raise, RecommendedBid = capped, LimitedByMaxBid = limited, Reason = $"{recommendation.Reason}; raise {Usd(bid)} → {Usd(capped)}{capText}{belowMarket}" };
            }

            string holdWhy = limited && bid >= capped
                ? $"hold: the ceiling {ceiling.Describe()} allows no raise{belowMarket}"
                : bid == target ? $"hold: the bid {Usd(bid)} is at its target" : $"hold: the bid {Usd(bid)} is already above its target {Usd(target)}; a raise would not help";
            return recommendation with { LimitedByMaxBid = limited, Reason = $"{recommendation.Reason}; {holdWhy}" };
        }

        if (bid > limit)
        {
            return recommendation with
            {
                Action = BidAction.Lower,
                RecommendedBid = capped,
                LimitedByMaxBid = limited,
                Reason = $"{recommendation.Reason}; lower {Usd(bid)} → {Usd(capped)}: the bid is above the ceiling {ceiling.Describe()}",
            };
        }

        decimal lowerLine = target * (1 + policy.LowerAbove);
        if (bid > lowerLine)
        {
            return recommendation with
            {
                Action = BidAction.Lower,
                RecommendedBid = capped,
                Reason = Invariant($"{recommendation.Reason}; lower {Usd(bid)} → {Usd(capped)}: the bid is more than {policy.LowerAbove:P0} above its target (above {Usd(lowerLine)})"),
            };
        }

        return recommendation with
        {
            Reason = bid > target
                ? Invariant($"{recommendation.Reason}; hold: the bid is above its target but within {policy.LowerAbove:P0} of it (lowered only above {Usd(lowerLine)})")
                : $"{recommendation.Reason}; hold",
        };
    }

    /// <summary>The ceiling the guard plans under for a pool: the policy's max bid when set, else its class's on-demand price (see <see cref="BidCeiling"/>).</summary>
    /// <param name="pool">The pool and its market.</param>
    /// <param name="policy">The policy.</param>
    public static BidCeiling CeilingOf(PoolMarket pool, BidGuardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxBidOnlyLowers && policy.MaxBid is decimal max)
        {
            var standing = BidCeiling.For(pool.ServerClass, pool.OnDemand, pool.Market);
            return standing.Ceiling is decimal limit && limit <= max ? standing : standing with { Ceiling = standing.Ceiling is null ? null : max, Source = standing.Ceiling is null ? standing.Source : BidCeilingSource.Explicit };
        }

        return BidCeiling.For(pool.ServerClass, pool.OnDemand, pool.Market, policy.MaxBid);
    }

    private static PoolBidStatus Classify(PoolMarket pool, decimal bid, decimal market, decimal? trend, BidGuardPolicy policy, out string why)
    {
        if (bid < market)
        {
            why = $"bid {Usd(bid)} is below the market {Usd(market)}";
            return PoolBidStatus.Losing;
        }

        // A pending pool has won nothing because no auction has run: its won count says nothing yet.
        if (!pool.IsPending && pool.WonCount is int won && won < pool.Desired)
        {
            why = Invariant($"won {won} of {pool.Desired} node(s) (bid status {pool.BidStatus ?? "unknown"})");
            return PoolBidStatus.Losing;
        }

        if (bid < market * (1 + policy.Margin))
        {
            why = Invariant($"bid {Usd(bid)} is within {policy.Margin:P0} of the market {Usd(market)}");
            return PoolBidStatus.AtRisk;
        }

        if (trend is decimal slope && slope > 0m && market + (slope * policy.TrendHorizon) >= bid)
        {
            why = Invariant($"the market {Usd(market)} is rising {Usd(slope)} per auction and reaches the bid {Usd(bid)} within {policy.TrendHorizon} auctions");
            return PoolBidStatus.AtRisk;
        }

        why = Invariant($"bid {Usd(bid)} is {(bid / market) - 1:P0} above the market {Usd(market)}");
        return PoolBidStatus.Winning;
    }

    // "pending (winning)" for a pool whose auction has not run: judged by its bid, labelled for what it is.
    private static string Label(PoolMarket pool, PoolBidStatus status) =>
        pool.IsPending ? $"pending ({Status(status)}, no auction yet)" : Status(status);

    private static void FitBudget(BidRecommendation[] recommendations, decimal budget)
    {
        decimal committed = recommendations.Sum(r => Exposure(r.Action == BidAction.Raise ? r.Pool.Bid : r.ChangesBid ? r.RecommendedBid : r.Pool.Bid, r.Pool.Desired));
        var raises = Enumerable.Range(0, recommendations.Length)
            .Where(i => recommendations[i].Action == BidAction.Raise)
            .OrderBy(i => recommendations[i].Status == PoolBidStatus.Losing ? 0 : 1)
            .ThenByDescending(i => Shortfall(recommendations[i].Pool))
            .ToList();
        foreach (int i in raises)
        {
            BidRecommendation r = recommendations[i];
            decimal old = r.Pool.Bid!.Value;
            decimal wanted = r.RecommendedBid!.Value;
            int nodes = Math.Max(r.Pool.Desired, 0);
            decimal extra = (wanted - old) * nodes;
            if (committed + extra <= budget)
            {
                committed += extra;
                continue;
            }

            decimal affordable = nodes == 0 ? wanted : BidPrice.RoundDown(old + ((budget - committed) / nodes));
            string budgetText = Invariant($"the cluster budget {Usd(budget)}/h (Σ bid × nodes) leaves room for {Usd(Math.Max(affordable, old))}");
            if (affordable > old)
            {
                committed += (affordable - old) * nodes;
                recommendations[i] = r with { RecommendedBid = affordable, LimitedByBudget = true, Reason = $"{r.Reason}; cut to {Usd(affordable)}: {budgetText}" };
            }
            else
            {
                recommendations[i] = r with { Action = BidAction.Hold, RecommendedBid = old, LimitedByBudget = true, Reason = $"{r.Reason}; held: {budgetText}" };
            }
        }
    }

    private static BidRecommendation Hold(PoolMarket pool, PoolBidStatus status, decimal? trend, string reason) => new()
    {
        Pool = pool,
        Status = status,
        Action = BidAction.Hold,
        RecommendedBid = pool.Bid,
        TrendPerAuction = trend,
        Reason = reason,
    };

    private static decimal Shortfall(PoolMarket pool) =>
        pool.Market is decimal market && market > 0m && pool.Bid is decimal bid ? (market - bid) / market : 0m;

    private static decimal Exposure(decimal? bid, int desired) => (bid ?? 0m) * Math.Max(desired, 0);

    private static string Status(PoolBidStatus status) => BidGuardText.Of(status);

    private static string Usd(decimal amount) => PriceText.FormatUsd(amount);
}
