namespace Rsspot.Pricing;

/// <summary>
/// What the cluster builder should size and the bounds it must respect. Give <see cref="Nodes"/>, or a total
/// capacity (<see cref="TotalVcpu"/> and/or <see cref="TotalMemoryGb"/>) that sets the node count per class, or both
/// (then the node count is fixed and the capacity is a minimum). Empty filters match everything.
/// Budget bounds apply to the bid cost (bid × nodes, the most the cluster costs while its bids hold); a month is 730 hours.
/// </summary>
public sealed record ClusterBuildRequest
{
    /// <summary>Total node count across all pools.</summary>
    public int? Nodes { get; init; }

    /// <summary>Minimum total vCPUs.</summary>
    public decimal? TotalVcpu { get; init; }

    /// <summary>Minimum total memory in GB.</summary>
    public decimal? TotalMemoryGb { get; init; }

    /// <summary>Risk level: sets the bids and the balanced pool count.</summary>
    public RiskLevel Risk { get; init; } = RiskLevel.Medium;

    /// <summary>Which rule sets the bids: the market multiplier of the risk (default) or a percentile of recent prices.</summary>
    public BidPolicyKind BidPolicy { get; init; } = BidPolicyKind.Market;

    /// <summary>Class families (<c>gp</c>, <c>ch</c>, <c>mh</c>) or categories to consider.</summary>
    public IReadOnlyList<string>? Families { get; init; }

    /// <summary>Generations to consider, as tokens (<c>vs2</c>) or numbers (<c>2</c>).</summary>
    public IReadOnlyList<string>? Generations { get; init; }

    /// <summary>Regions (or sites such as <c>dfw</c>) to consider.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Lowest acceptable cluster cost, USD per hour.</summary>
    public decimal? MinHourly { get; init; }

    /// <summary>Highest acceptable cluster cost, USD per hour.</summary>
    public decimal? MaxHourly { get; init; }

    /// <summary>Lowest acceptable cluster cost, USD per 730-hour month.</summary>
    public decimal? MinMonthly { get; init; }

    /// <summary>Highest acceptable cluster cost, USD per 730-hour month.</summary>
    public decimal? MaxMonthly { get; init; }

    /// <summary>
    /// Keep each scenario's pools in one region (the region of its best-ranked candidate), as a plan applied to one
    /// cloudspace must: a cloudspace lives in one region and its pools can use only that region's classes.
    /// </summary>
    public bool SingleRegion { get; init; }

    /// <summary>The scenarios to build; null or empty means all three.</summary>
    public IReadOnlyList<BuildStrategy>? Strategies { get; init; }
}
