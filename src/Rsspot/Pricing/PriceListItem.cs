namespace Rsspot.Pricing;

/// <summary>A row of a price listing: a <see cref="PriceRow"/> with its prices multiplied by a node count.</summary>
/// <param name="Row">The price row.</param>
/// <param name="Nodes">The node multiplier.</param>
public sealed record PriceListItem(PriceRow Row, int Nodes)
{
    /// <summary>Market price × nodes, USD per hour, or null when unknown.</summary>
    public decimal? MarketPerHour => Row.MarketPerHour * Nodes;

    /// <summary>Market price × nodes × 730 hours, or null when unknown.</summary>
    public decimal? MarketPerMonth => MarketPerHour * ClusterCost.HoursPerMonth;

    /// <summary>Hammer price × nodes, USD per hour, or null when unknown.</summary>
    public decimal? HammerPerHour => Row.HammerPerHour * Nodes;

    /// <summary>On-demand price × nodes, USD per hour, or null when unknown.</summary>
    public decimal? OnDemandPerHour => Row.OnDemandPerHour * Nodes;

    /// <summary>The 50th percentile price × nodes, USD per hour, or null when unknown.</summary>
    public decimal? P50PerHour => Row.P50 * Nodes;

    /// <summary>vCPUs × nodes, or null when unknown.</summary>
    public decimal? Vcpu => Row.Cpu * Nodes;

    /// <summary>Memory GB × nodes, or null when unknown.</summary>
    public decimal? MemoryGb => Row.MemoryGb * Nodes;
}
