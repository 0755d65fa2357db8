namespace Rsspot.Pricing;

/// <summary>
/// How the bid guard bids. The target bid of a pool is max(target percentile, market, rising market projected
/// <see cref="TrendHorizon"/> auctions ahead) × (1 + <see cref="Margin"/>),
/// never below the class's minimum bid, then capped by the pool's ceiling (<see cref="MaxBid"/> when set, else the
/// class's on-demand price, see <see cref="BidCeiling"/>) and the cluster budget.
/// A pool is raised when its bid is within the margin of the market (or the market is rising towards it) and lowered
/// only when its bid is more than <see cref="LowerAbove"/> above the target: the band between the two keeps bids from flapping.
/// The defaults agree with <see cref="BidPolicy"/>: the margin is the lowest multiplier a plan bids (1.05), and the
/// band is wide enough for the highest (1.35), so a pool created from a plan is neither at risk nor lowered while the market holds.
/// </summary>
public sealed record BidGuardPolicy
{
    /// <summary>Head-room over the market, as a share (0.05 = 5 %). Default 0.05 (<see cref="BidPolicy.AtRiskMultiplier"/> − 1).</summary>
    public decimal Margin { get; init; } = BidPolicy.AtRiskMultiplier - 1m;

    /// <summary>The percentile of recent clearing prices to bid at: 20, 50 or 80. Default 80.</summary>
    public int TargetPercentile { get; init; } = 80;

    /// <summary>
    /// Highest bid of any one pool, USD per node-hour: it replaces each pool's default ceiling (its class's on-demand
    /// price, see <see cref="BidCeiling"/>), so it may lower or raise it. Null keeps the default ceiling (or the profile's <c>max_bid</c>).
    /// </summary>
    public decimal? MaxBid { get; init; }

    /// <summary>
    /// When true, <see cref="MaxBid"/> may only lower each pool's ceiling (its class's on-demand price, or the profile's
    /// <c>max_bid</c>), never raise it: for callers that act for the account's owner without being them, such as an
    /// agent over MCP. Default false (the CLI's <c>--max-bid</c> is the user's own word and replaces the ceiling).
    /// </summary>
    public bool MaxBidOnlyLowers { get; init; }

    /// <summary>Cluster budget: the sum of bid × desired nodes over the pools, USD per hour; null for none.</summary>
    public decimal? BudgetHourly { get; init; }

    /// <summary>Cluster budget in USD per month of 730 hours; null for none. The lower of the two budgets applies.</summary>
    public decimal? BudgetMonthly { get; init; }

    /// <summary>Lower a bid only when it is more than this share above its target (0.30 = 30 %). Default 0.30.</summary>
    public decimal LowerAbove { get; init; } = 0.30m;

    /// <summary>How many recent auctions the trend is measured over. Default 6.</summary>
    public int TrendPoints { get; init; } = 6;

    /// <summary>A rising market counts as a risk when its trend reaches the bid within this many auctions. Default 3.</summary>
    public int TrendHorizon { get; init; } = 3;

    /// <summary>The budget in USD per hour that applies: the lower of <see cref="BudgetHourly"/> and <see cref="BudgetMonthly"/> / 730.</summary>
    public decimal? HourlyBudget => (BudgetHourly, BudgetMonthly) switch
    {
        (decimal hourly, decimal monthly) => Math.Min(hourly, monthly / ClusterCost.HoursPerMonth),
        (decimal hourly, null) => hourly,
        (null, decimal monthly) => monthly / ClusterCost.HoursPerMonth,
        _ => null,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Margin is < 0m or > 10m)
        {
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "The margin must be a share from 0 to 10 (0.10 = 10%).");
        }

        if (TargetPercentile is not (20 or 50 or 80))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetPercentile), TargetPercentile, "The target percentile must be 20, 50 or 80.");
        }

        if (MaxBid is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBid), MaxBid, "The maximum bid must be above 0.");
        }

        if (BudgetHourly is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(BudgetHourly), BudgetHourly, "The hourly budget must be above 0.");
        }

        if (BudgetMonthly is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(BudgetMonthly), BudgetMonthly, "The monthly budget must be above 0.");
        }

        if (LowerAbove is <= 0m or > 10m)
        {
            throw new ArgumentOutOfRangeException(nameof(LowerAbove), LowerAbove, "The lowering threshold must be a share above 0 and at most 10.");
        }

        if (TrendPoints is < 2 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(TrendPoints), TrendPoints, "The trend needs from 2 to 1000 points.");
        }

        if (TrendHorizon is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(TrendHorizon), TrendHorizon, "The trend horizon must be from 0 to 1000 auctions.");
        }
    }
}
