using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>An autopilot node pool in one row, flattened from <see cref="AutopilotNodePool"/>, with what Spot allocated for it.</summary>
/// <param name="Name">The pool name.</param>
/// <param name="Cloudspace">The cloudspace it belongs to (the spec's, else the cloudspace label's).</param>
/// <param name="Region">Its region.</param>
/// <param name="VcpuTotal">The vCPU target of the spec.</param>
/// <param name="VcpuPerNode">Bounds of each node's vCPUs (open bounds are null).</param>
/// <param name="MemoryPerVcpu">GB per vCPU as the API states it (any, 2, 4, 8).</param>
/// <param name="BudgetPerHour">The hourly budget, USD, or null when the API text is not a price.</param>
/// <param name="Phase">The fulfilment phase as the API states it.</param>
/// <param name="TargetVcpus">The vCPUs being filled.</param>
/// <param name="ManagedVcpus">The vCPUs won across the child pools.</param>
/// <param name="Allocations">The classes allocated, cheapest first as the API lists them.</param>
public sealed record AutopilotNodePoolSummary(
    string Name,
    string? Cloudspace,
    string? Region,
    int? VcpuTotal,
    VcpuPerNodeRange? VcpuPerNode,
    string? MemoryPerVcpu,
    decimal? BudgetPerHour,
    string? Phase,
    int? TargetVcpus,
    int? ManagedVcpus,
    IReadOnlyList<AutopilotAllocationSummary> Allocations)
{
    /// <summary>The most the allocations cost per hour at their bids (bid × desired nodes, summed).</summary>
    public decimal CostPerHour => Allocations.Sum(a => a.CostPerHour ?? 0m);

    /// <summary>Flattens a generated autopilot node pool model.</summary>
    /// <param name="pool">The model.</param>
    public static AutopilotNodePoolSummary From(AutopilotNodePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var spec = pool.Spec;
        VcpuPerNodeRange? range = null;
        if (spec?.VcpuPerNode is { } bounds && (bounds.Min is >= 1 || bounds.Max is >= 1))
        {
            var min = bounds.Min is >= 1 ? bounds.Min : null;
            var max = bounds.Max is >= 1 ? bounds.Max : null;
            range = min is int low && max is int high && low > high ? null : new VcpuPerNodeRange(min, max);
        }

        return new AutopilotNodePoolSummary(
            pool.Metadata?.Name ?? string.Empty,
            AutopilotOwnership.CloudspaceOf(pool),
            spec?.Region,
            spec?.Vcpu?.Total,
            range,
            spec?.MemoryPerVCPU,
            PriceText.ParseUsd(spec?.BudgetPerHour),
            pool.Status?.Phase,
            pool.Status?.TargetVCPUs,
            pool.Status?.ManagedVCPUs,
            [.. (pool.Status?.Allocations ?? []).Select(AutopilotAllocationSummary.From)]);
    }
}
