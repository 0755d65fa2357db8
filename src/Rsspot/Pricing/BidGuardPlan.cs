namespace Rsspot.Pricing;

/// <summary>The bid guard's plan for a set of pools, with the cluster's hourly bid exposure before and after.</summary>
/// <param name="Recommendations">One per pool, in the order the pools were given.</param>
/// <param name="HourlyBefore">Σ bid × desired nodes today, USD per hour.</param>
/// <param name="HourlyAfter">Σ bid × desired nodes once every change is applied, USD per hour.</param>
/// <param name="HourlyBudget">The budget that applied, USD per hour, or null.</param>
public sealed record BidGuardPlan(IReadOnlyList<BidRecommendation> Recommendations, decimal HourlyBefore, decimal HourlyAfter, decimal? HourlyBudget)
{
    /// <summary>True when every pool is winning.</summary>
    public bool AllWinning => Recommendations.All(r => r.Status == PoolBidStatus.Winning);

    /// <summary>The recommendations that change a bid.</summary>
    public IEnumerable<BidRecommendation> Changes => Recommendations.Where(r => r.ChangesBid);
}
