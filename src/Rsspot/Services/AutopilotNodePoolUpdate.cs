using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>
/// Changes to an autopilot node pool; only the set fields are sent (a merge patch of <c>spec</c>). The region and
/// the cloudspace cannot change. A vCPU-per-node bound that is set replaces the current one; a bound left null keeps it.
/// </summary>
public sealed record AutopilotNodePoolUpdate
{
    private readonly int? _vcpuTotal;
    private readonly decimal? _budgetPerHour;
    private readonly decimal? _maxBudgetPerHour;

    /// <summary>New vCPU target (at least 1).</summary>
    public int? VcpuTotal
    {
        get => _vcpuTotal;
        init
        {
            if (value is int total)
            {
                AutopilotModels.EnsureVcpuTotal(total);
            }

            _vcpuTotal = value;
        }
    }

    /// <summary>New bounds of each node's vCPUs.</summary>
    public VcpuPerNodeRange? VcpuPerNode { get; init; }

    /// <summary>New GB of memory per vCPU.</summary>
    public MemoryPerVcpu? MemoryPerVcpu { get; init; }

    /// <summary>New hourly budget for the whole pool (more than 0, steps of 0.001 USD); refused above the ceiling.</summary>
    public decimal? BudgetPerHour
    {
        get => _budgetPerHour;
        init
        {
            if (value is decimal budget)
            {
                AutopilotBudget.Ensure(budget);
            }

            _budgetPerHour = value;
        }
    }

    /// <summary>Allows a budget up to this USD per hour, replacing the default ceiling; null keeps it. Not sent.</summary>
    public decimal? MaxBudgetPerHour
    {
        get => _maxBudgetPerHour;
        init
        {
            if (value is decimal max)
            {
                AutopilotBudget.Ensure(max, "maxBudgetPerHour");
            }

            _maxBudgetPerHour = value;
        }
    }

    /// <summary>New allocation strategy.</summary>
    public AutopilotAllocationStrategy? AllocationStrategy { get; init; }

    /// <summary>Node labels to set.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Node annotations to set.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Node taints replacing the current ones.</summary>
    public IReadOnlyList<NodeTaint>? Taints { get; init; }

    /// <summary>True when the change touches what the budget's ceiling depends on.</summary>
    internal bool TouchesMoney => VcpuTotal is not null || VcpuPerNode is not null || MemoryPerVcpu is not null || BudgetPerHour is not null;

    internal bool IsEmpty => !TouchesMoney && AllocationStrategy is null && Labels is null && Annotations is null && Taints is null;

    internal AutopilotNodePool ToPatch()
    {
        if (IsEmpty)
        {
            throw new ArgumentException("Nothing to update: set the vCPU total, vCPUs per node, memory per vCPU, budget, allocation strategy, labels, annotations or taints.", nameof(VcpuTotal));
        }

        return new AutopilotNodePool
        {
            Spec = new AutopilotNodePoolSpec
            {
                Vcpu = VcpuTotal is int total ? new AutopilotVcpu { Total = total } : null,
                VcpuPerNode = VcpuPerNode is null ? null : AutopilotModels.Range(VcpuPerNode),
                MemoryPerVCPU = MemoryPerVcpu is { } memory ? MemoryPerVcpuText.Format(memory) : null,
                BudgetPerHour = BudgetPerHour is decimal budget ? AutopilotBudget.Format(budget) : null,
                AllocationStrategy = AllocationStrategy is { } strategy ? AutopilotModels.Strategy(strategy) : null,
                CustomLabels = ModelMaps.ToStringMap(Labels),
                CustomAnnotations = ModelMaps.ToStringMap(Annotations),
                CustomTaints = NodePoolModels.Taints(Taints),
            },
        };
    }
}
