using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>One server class Spot allocated for an autopilot pool, through one child spot node pool.</summary>
/// <param name="ServerClass">The class.</param>
/// <param name="SpotNodePool">The child spot node pool's name, when the API names it.</param>
/// <param name="VcpuPerNode">vCPUs of each node of the class.</param>
/// <param name="WonNodes">Nodes won.</param>
/// <param name="DesiredNodes">Nodes wanted.</param>
/// <param name="BidPrice">The child pool's bid, USD per node-hour, or null when the API text is not a price.</param>
/// <param name="MarketPrice">The class's market price, USD per node-hour, or null when the API text is not a price.</param>
public sealed record AutopilotAllocationSummary(string? ServerClass, string? SpotNodePool, int? VcpuPerNode, int WonNodes, int DesiredNodes, decimal? BidPrice, decimal? MarketPrice)
{
    /// <summary>The most the allocation costs per hour at its bid: bid × desired nodes (null without a bid).</summary>
    public decimal? CostPerHour => BidPrice is decimal bid ? bid * DesiredNodes : null;

    /// <summary>Flattens a generated allocation.</summary>
    /// <param name="allocation">The model.</param>
    public static AutopilotAllocationSummary From(AutopilotAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return new AutopilotAllocationSummary(
            allocation.ServerClass,
            allocation.SpotNodePool,
            allocation.VcpuPerNode,
            allocation.WonNodes ?? 0,
            allocation.DesiredNodes ?? 0,
            PriceText.ParseUsd(allocation.BidPricePerHour),
            PriceText.ParseUsd(allocation.MarketPricePerHour));
    }
}
