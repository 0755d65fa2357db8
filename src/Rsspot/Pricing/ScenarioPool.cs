namespace Rsspot.Pricing;

/// <summary>One node pool of a scenario.</summary>
public sealed record ScenarioPool
{
    /// <summary>Class name.</summary>
    public required string ServerClass { get; init; }

    /// <summary>Region name.</summary>
    public required string Region { get; init; }

    /// <summary>Number of nodes.</summary>
    public required int Nodes { get; init; }

    /// <summary>Suggested bid, USD per node-hour (see <see cref="BidPolicy"/>).</summary>
    public required decimal BidPerNodeHour { get; init; }

    /// <summary>Whether the bid came from percentile data or the market multiplier.</summary>
    public required BidSource BidSource { get; init; }

    /// <summary>How the bid was derived, readable.</summary>
    public required string BidBasis { get; init; }

    /// <summary>Current market price, USD per node-hour.</summary>
    public required decimal MarketPerHour { get; init; }

    /// <summary>vCPUs per node.</summary>
    public required decimal VcpuPerNode { get; init; }

    /// <summary>Memory per node, GB.</summary>
    public required decimal MemoryGbPerNode { get; init; }

    /// <summary>Market price × nodes, USD per hour: what the pool costs at today's market (the Python rsspot's total).</summary>
    public decimal HourlyCost => MarketPerHour * Nodes;

    /// <summary><see cref="HourlyCost"/> × 730, USD per month.</summary>
    public decimal MonthlyCost => HourlyCost * ClusterCost.HoursPerMonth;

    /// <summary>Bid × nodes, USD per hour: the most the pool costs while its bid holds.</summary>
    public decimal BidHourlyCost => BidPerNodeHour * Nodes;

    /// <summary>Total vCPUs of the pool.</summary>
    public decimal Vcpu => VcpuPerNode * Nodes;

    /// <summary>Total memory of the pool, GB.</summary>
    public decimal MemoryGb => MemoryGbPerNode * Nodes;
}
