namespace Rsspot.Pricing;

/// <summary>
/// The balanced scenario: ranks candidates by <see cref="CandidateRanking.Balanced"/>, takes the best ones with distinct
/// class names, preferring distinct regions too (separate auctions are preempted independently), and splits the
/// cluster between them. If the combination breaks a budget bound, the lowest-ranked pool is dropped and the split
/// redone; a single pool is the best balanced candidate alone, which passed the budget checks, so a plan always exists.
/// With <see cref="ClusterBuildRequest.SingleRegion"/>, only candidates in the best candidate's region are picked.
/// </summary>
internal static class BalancedPlanner
{
    public static (IReadOnlyList<ScenarioPool> Pools, IReadOnlyList<string> Notes) Plan(
        IReadOnlyList<Candidate> candidates, ClusterBuildRequest request)
    {
        List<string> notes = [];
        int wanted = BidPolicy.BalancedPoolCount(request.Risk);
        if (request.Nodes is int nodes && nodes < wanted)
        {
            notes.Add($"{BuildText.Nodes(nodes)} cannot fill {BuildText.Pools(wanted)}: spread over {BuildText.Pools(nodes)}.");
            wanted = nodes;
        }

        List<Candidate> picks = Pick(candidates, wanted, request.SingleRegion, notes);
        while (true)
        {
            ScenarioPool[] pools = Split(picks, request);
            string? violation = picks.Count > 1 ? BudgetCheck.Violation(pools.Sum(static p => p.HourlyCost), request) : null;
            if (violation is null)
            {
                return (pools, notes);
            }

            notes.Add($"{BuildText.Pools(picks.Count)}: {violation}; spread over {BuildText.Pools(picks.Count - 1)} instead.");
            picks.RemoveAt(picks.Count - 1);
        }
    }

    private static List<Candidate> Pick(IReadOnlyList<Candidate> candidates, int wanted, bool singleRegion, List<string> notes)
    {
        Candidate[] ranked = [.. candidates];
        Array.Sort(ranked, CandidateRanking.Balanced);
        if (singleRegion && ranked.Length > 0)
        {
            string region = ranked[0].Row.Region;
            ranked = Array.FindAll(ranked, c => string.Equals(c.Row.Region, region, StringComparison.OrdinalIgnoreCase));
        }

        List<Candidate> picks = [];
        HashSet<string> classes = new(StringComparer.OrdinalIgnoreCase);
        HashSet<string> regions = new(StringComparer.OrdinalIgnoreCase);
        foreach (bool distinctRegion in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (Candidate candidate in ranked)
            {
                if (picks.Count == wanted)
                {
                    break;
                }

                if (!classes.Contains(candidate.Row.ClassName) && (!distinctRegion || !regions.Contains(candidate.Row.Region)))
                {
                    picks.Add(candidate);
                    classes.Add(candidate.Row.ClassName);
                    regions.Add(candidate.Row.Region);
                }
            }
        }

        picks.Sort(CandidateRanking.Balanced);
        if (picks.Count < wanted)
        {
            notes.Add($"Only {picks.Count} distinct server class(es) eligible: spread over {BuildText.Pools(picks.Count)} instead of {wanted}.");
        }
        else if (regions.Count < picks.Count && !singleRegion)
        {
            notes.Add($"Not enough eligible regions for one pool each: {BuildText.Pools(picks.Count)} share {BuildText.Regions(regions.Count)}.");
        }

        return picks;
    }

    /// <summary>
    /// A fixed node count is split as evenly as possible, the extra nodes going to the best-ranked pools; a capacity
    /// target is split into equal shares and each pool gets the nodes its share needs.
    /// </summary>
    private static ScenarioPool[] Split(List<Candidate> picks, ClusterBuildRequest request)
    {
        ScenarioPool[] pools = new ScenarioPool[picks.Count];
        for (int i = 0; i < picks.Count; i++)
        {
            Candidate pick = picks[i];
            int nodes = request.Nodes is int total
                ? (total / picks.Count) + (i < total % picks.Count ? 1 : 0)
                : (int)Math.Max(
                    NodePlan.NodesFor(request.TotalVcpu / picks.Count, pick.Cpu),
                    NodePlan.NodesFor(request.TotalMemoryGb / picks.Count, pick.MemoryGb));
            pools[i] = pick.ToPool(nodes);
        }

        return pools;
    }
}
