namespace Rsspot.Pricing;

/// <summary>
/// One proposed cluster. Costs are market-based, as the Python rsspot computes them (what it costs at today's market
/// prices); <see cref="BidHourlyCost"/> is the most it costs while the bids hold. An infeasible scenario has no pools, zero totals and a <see cref="Failure"/>.
/// </summary>
public sealed record ClusterScenario
{
    /// <summary>The strategy that produced it.</summary>
    public required BuildStrategy Strategy { get; init; }

    /// <summary>The pools, best-ranked first.</summary>
    public required IReadOnlyList<ScenarioPool> Pools { get; init; }

    /// <summary>Why no cluster could be proposed, or null when <see cref="Pools"/> is the proposal.</summary>
    public BuildFailure? Failure { get; init; }

    /// <summary>Candidates a filter or budget excluded, with reasons, ordered by class name and region.</summary>
    public required IReadOnlyList<CandidateExclusion> Exclusions { get; init; }

    /// <summary>Choices the strategy made that a reader should know about (e.g. a narrower spread than the risk level asks for).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when the scenario proposes pools.</summary>
    public bool IsFeasible => Failure is null;

    /// <summary>Total nodes.</summary>
    public int Nodes => Pools.Sum(static p => p.Nodes);

    /// <summary>Σ market price × nodes, USD per hour.</summary>
    public decimal HourlyCost => Pools.Sum(static p => p.HourlyCost);

    /// <summary>Σ bid × nodes, USD per hour: the most the cluster costs while its bids hold.</summary>
    public decimal BidHourlyCost => Pools.Sum(static p => p.BidHourlyCost);

    /// <summary><see cref="HourlyCost"/> × 730, USD per month.</summary>
    public decimal MonthlyCost => HourlyCost * ClusterCost.HoursPerMonth;

    /// <summary>Σ market price × nodes, USD per hour.</summary>
    public decimal MarketHourlyCost => Pools.Sum(static p => p.MarketPerHour * p.Nodes);

    /// <summary>Total vCPUs.</summary>
    public decimal Vcpu => Pools.Sum(static p => p.Vcpu);

    /// <summary>Total memory, GB.</summary>
    public decimal MemoryGb => Pools.Sum(static p => p.MemoryGb);
}
