namespace Rsspot.Pricing;

/// <summary>The orderings of the three strategies; each ends with cheaper hourly cost, then class name and region.</summary>
internal static class CandidateRanking
{
    /// <summary>More capacity per node first; the cheapest way to get it breaks ties.</summary>
    public static int Performance(Candidate a, Candidate b) => Then(b.CapacityPerNode.CompareTo(a.CapacityPerNode), a, b);

    /// <summary>More capacity per dollar of bid first.</summary>
    public static int Value(Candidate a, Candidate b) => Then(b.ValuePerDollar.CompareTo(a.ValuePerDollar), a, b);

    /// <summary>Higher capacity × capacity-per-dollar first.</summary>
    public static int Balanced(Candidate a, Candidate b) => Then(b.BalancedScore.CompareTo(a.BalancedScore), a, b);

    /// <summary>The best candidate under <paramref name="order"/>, in one pass.</summary>
    public static Candidate Best(IReadOnlyList<Candidate> candidates, Comparison<Candidate> order)
    {
        Candidate best = candidates[0];
        for (int i = 1; i < candidates.Count; i++)
        {
            if (order(candidates[i], best) < 0)
            {
                best = candidates[i];
            }
        }

        return best;
    }

    private static int Then(int primary, Candidate a, Candidate b)
    {
        if (primary != 0)
        {
            return primary;
        }

        int byCost = a.HourlyCost.CompareTo(b.HourlyCost);
        return byCost != 0 ? byCost : Candidate.CompareByName(a, b);
    }
}
