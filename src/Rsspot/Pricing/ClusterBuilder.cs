namespace Rsspot.Pricing;

/// <summary>
/// Proposes clusters from price rows: max performance, max value and balanced.
/// <para>Every row is screened first (filters, availability, known market price and capacity, node count, budget
/// bounds on bid cost); see <see cref="BuildConstraint"/>. Capacity per node is (vCPU + memory GB), × 1.10 for
/// generation 2 and later. Bids follow <see cref="BidPolicy"/>.</para>
/// <list type="bullet">
/// <item><see cref="BuildStrategy.MaxPerformance"/>: one pool of the candidate with the most capacity per node; among
/// equals the cheapest hourly cost.</item>
/// <item><see cref="BuildStrategy.MaxValue"/>: one pool of the candidate with the most capacity per dollar of bid.</item>
/// <item><see cref="BuildStrategy.Balanced"/>: score = capacity × capacity per dollar (the product of the two
/// scores above), spread over 3/2/1 pools for low/med/high risk across distinct classes and, where possible, regions.</item>
/// </list>
/// <para>Ties are broken by cheaper hourly cost, then class name and region (ordinal), so the same inputs in any order give
/// the same scenarios. The work is a sort and a few linear passes over the rows.</para>
/// </summary>
public static class ClusterBuilder
{
    private static readonly BuildStrategy[] AllStrategies = [BuildStrategy.MaxPerformance, BuildStrategy.MaxValue, BuildStrategy.Balanced];

    /// <summary>Builds the requested scenarios. A request no candidate can satisfy gives scenarios with a <see cref="BuildFailure"/>, not an exception.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is invalid in itself (no size, a size ≤ 0, a negative budget, min above max); the parameter name is the request property.</exception>
    public static ClusterBuildResult Build(IEnumerable<PriceRow> rows, ClusterBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(request);
        ClusterBuildRequestValidation.Validate(request);

        PriceRow[] ordered = [.. rows];
        if (!IsSorted(ordered))
        {
            Array.Sort(ordered, CompareRows);
        }

        Screening screening = CandidateScreen.Run(ordered, request);
        ClusterScenario[] scenarios = AllStrategies
            .Where(s => request.Strategies is null || request.Strategies.Count == 0 || request.Strategies.Contains(s))
            .Select(s => Scenario(s, screening, request))
            .ToArray();

        return new ClusterBuildResult
        {
            Request = request,
            Scenarios = scenarios,
            CandidatesConsidered = ordered.Length,
            CandidatesEligible = screening.Candidates.Count,
            Failure = screening.Failure,
        };
    }

    /// <summary>Builds from a catalog's rows.</summary>
    public static ClusterBuildResult Build(PriceCatalog catalog, ClusterBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Build(catalog.Rows, request);
    }

    private static ClusterScenario Scenario(BuildStrategy strategy, Screening screening, ClusterBuildRequest request)
    {
        if (screening.Failure is not null)
        {
            return new ClusterScenario { Strategy = strategy, Pools = [], Failure = screening.Failure, Exclusions = screening.Exclusions };
        }

        IReadOnlyList<Candidate> candidates = screening.Candidates;
        (IReadOnlyList<ScenarioPool> pools, IReadOnlyList<string> notes) = strategy switch
        {
            BuildStrategy.MaxPerformance => Single(CandidateRanking.Best(candidates, CandidateRanking.Performance)),
            BuildStrategy.MaxValue => Single(CandidateRanking.Best(candidates, CandidateRanking.Value)),
            _ => BalancedPlanner.Plan(candidates, request),
        };

        return new ClusterScenario { Strategy = strategy, Pools = pools, Notes = notes, Exclusions = screening.Exclusions };
    }

    private static (IReadOnlyList<ScenarioPool>, IReadOnlyList<string>) Single(Candidate best) => ([best.ToPool(best.Nodes)], []);

    // Catalog rows arrive sorted already; checking is linear, sorting is not.
    private static bool IsSorted(PriceRow[] rows)
    {
        for (int i = 1; i < rows.Length; i++)
        {
            if (CompareRows(rows[i - 1], rows[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    // Rows with the same class and region (only possible when callers build rows themselves) are ordered by content.
    private static int CompareRows(PriceRow a, PriceRow b)
    {
        int order = string.CompareOrdinal(a.ClassName, b.ClassName);
        order = order != 0 ? order : string.CompareOrdinal(a.Region, b.Region);
        order = order != 0 ? order : string.CompareOrdinal(a.MarketRaw, b.MarketRaw);
        order = order != 0 ? order : string.CompareOrdinal(a.CpuRaw, b.CpuRaw);
        order = order != 0 ? order : string.CompareOrdinal(a.MemoryRaw, b.MemoryRaw);
        return order != 0 ? order : string.CompareOrdinal(a.Availability, b.Availability);
    }
}
