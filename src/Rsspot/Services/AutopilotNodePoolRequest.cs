using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>
/// What a new autopilot node pool needs: a cloudspace, the vCPUs to fill (at least 1) and an hourly budget for the
/// whole pool (more than 0, steps of 0.001 USD). Spot fills it with spot node pools of the cheapest qualifying classes.
/// </summary>
public sealed record AutopilotNodePoolRequest
{
    private readonly string _cloudspace = string.Empty;
    private readonly int _vcpuTotal;
    private readonly decimal _budgetPerHour;
    private readonly decimal? _maxBudgetPerHour;

    /// <summary>A request; throws when a value is invalid.</summary>
    /// <param name="cloudspace">The cloudspace the nodes join.</param>
    /// <param name="vcpuTotal">The vCPUs Spot fills the pool to (at least 1).</param>
    /// <param name="budgetPerHour">USD per hour for the whole pool (see <see cref="AutopilotBudget.Parse"/> for text input).</param>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public AutopilotNodePoolRequest(string cloudspace, int vcpuTotal, decimal budgetPerHour)
    {
        Cloudspace = cloudspace;
        VcpuTotal = vcpuTotal;
        BudgetPerHour = budgetPerHour;
    }

    /// <summary>The cloudspace the nodes join (a DNS-1123 label); fixed once created.</summary>
    public string Cloudspace
    {
        get => _cloudspace;
        init
        {
            SpotNames.EnsureCloudspaceName(value, "cloudspace");
            _cloudspace = value;
        }
    }

    /// <summary>The vCPUs Spot fills the pool to (at least 1).</summary>
    public int VcpuTotal
    {
        get => _vcpuTotal;
        init
        {
            AutopilotModels.EnsureVcpuTotal(value);
            _vcpuTotal = value;
        }
    }

    /// <summary>USD per hour for the whole pool: more than 0, in steps of 0.001; refused above the pool's ceiling (see <see cref="MaxBudgetPerHour"/>).</summary>
    public decimal BudgetPerHour
    {
        get => _budgetPerHour;
        init
        {
            AutopilotBudget.Ensure(value);
            _budgetPerHour = value;
        }
    }

    /// <summary>
    /// Allows a budget up to this USD per hour, replacing the default ceiling (what the same vCPUs cost on demand in
    /// the cheapest qualifying class); null keeps it. Not sent.
    /// </summary>
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

    /// <summary>Pool name (a DNS-1123 label or lower-case UUID); a new UUID when left out, as the Terraform provider does.</summary>
    public string? Name { get; init; }

    /// <summary>The region; the cloudspace's when left out (the API refuses any other). Fixed once created.</summary>
    public string? Region { get; init; }

    /// <summary>Bounds of each node's vCPUs; open by default.</summary>
    public VcpuPerNodeRange VcpuPerNode { get; init; } = VcpuPerNodeRange.Any;

    /// <summary>GB of memory per vCPU of each node; <see cref="Services.MemoryPerVcpu.Any"/> by default.</summary>
    public MemoryPerVcpu MemoryPerVcpu { get; init; } = MemoryPerVcpu.Any;

    /// <summary>How Spot picks classes; <see cref="AutopilotAllocationStrategy.LowestPrice"/>, the only strategy.</summary>
    public AutopilotAllocationStrategy AllocationStrategy { get; init; } = AutopilotAllocationStrategy.LowestPrice;

    /// <summary>Labels put on the pool's nodes.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Annotations put on the pool's nodes.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Taints put on the pool's nodes.</summary>
    public IReadOnlyList<NodeTaint>? Taints { get; init; }

    internal AutopilotNodePool ToModel(string ns, string region)
    {
        var name = Name ?? SpotNames.NewPoolName();
        AutopilotModels.EnsureName(name);
        ArgumentNullException.ThrowIfNull(VcpuPerNode, nameof(VcpuPerNode));
        return new AutopilotNodePool
        {
            ApiVersion = NodePoolModels.ApiVersion,
            Kind = AutopilotModels.Kind,
            Metadata = NodePoolModels.Metadata(name, ns, Cloudspace),
            Spec = new AutopilotNodePoolSpec
            {
                Region = region,
                CloudSpace = Cloudspace,
                Vcpu = new AutopilotVcpu { Total = VcpuTotal },
                VcpuPerNode = AutopilotModels.Range(VcpuPerNode),
                MemoryPerVCPU = MemoryPerVcpuText.Format(MemoryPerVcpu),
                BudgetPerHour = AutopilotBudget.Format(BudgetPerHour),
                AllocationStrategy = AutopilotModels.Strategy(AllocationStrategy),
                CustomLabels = ModelMaps.ToStringMap(Labels),
                CustomAnnotations = ModelMaps.ToStringMap(Annotations),
                CustomTaints = NodePoolModels.Taints(Taints),
            },
        };
    }
}
