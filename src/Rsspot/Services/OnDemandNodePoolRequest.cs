using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>What a new on-demand node pool needs: a cloudspace and a server class.</summary>
/// <param name="Cloudspace">The cloudspace the pool joins.</param>
/// <param name="ServerClass">Server class such as gp.vs1.medium-dfw.</param>
public sealed record OnDemandNodePoolRequest(string Cloudspace, string ServerClass)
{
    /// <summary>Pool name (a lower-case UUID); a new one when left out.</summary>
    public string? Name { get; init; }

    /// <summary>Nodes wanted (≥ 0).</summary>
    public int Desired { get; init; } = 1;

    /// <summary>
    /// Labels of the pool object itself (its metadata, not its nodes), beside the cloudspace label the SDK sets; e.g.
    /// the key <see cref="Apply.ApplyService.PoolKeyLabel"/> that clusters-as-code files match pools by.
    /// </summary>
    public IReadOnlyDictionary<string, string>? PoolLabels { get; init; }

    /// <summary>Labels put on the pool's nodes.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Annotations put on the pool's nodes.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Taints put on the pool's nodes.</summary>
    public IReadOnlyList<NodeTaint>? Taints { get; init; }

    internal OnDemandNodePool ToModel(string ns)
    {
        var name = NodePoolModels.NewPoolName(Cloudspace, ServerClass, Name, Desired, SpecConstraints.OnDemandNodePoolSpecDesiredMinimum);
        return new OnDemandNodePool
        {
            ApiVersion = NodePoolModels.ApiVersion,
            Kind = "OnDemandNodePool",
            Metadata = NodePoolModels.Metadata(name, ns, Cloudspace, PoolLabels),
            Spec = new OnDemandNodePoolSpec
            {
                CloudSpace = Cloudspace,
                ServerClass = ServerClass,
                Desired = Desired,
                CustomLabels = ModelMaps.ToStringMap(Labels),
                CustomAnnotations = ModelMaps.ToStringMap(Annotations),
                CustomTaints = NodePoolModels.Taints(Taints),
            },
        };
    }
}
