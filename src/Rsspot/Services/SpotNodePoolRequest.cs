using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>What a new spot node pool needs: a cloudspace, a server class and a bid price.</summary>
/// <param name="Cloudspace">The cloudspace the pool joins.</param>
/// <param name="ServerClass">Server class such as gp.vs1.medium-dfw.</param>
/// <param name="BidPrice">Highest price per node-hour in USD (see <see cref="Services.BidPrice.Parse"/> for text input).</param>
public sealed record SpotNodePoolRequest(string Cloudspace, string ServerClass, decimal BidPrice)
{
    /// <summary>Pool name (a lower-case UUID); a new one when left out.</summary>
    public string? Name { get; init; }

    /// <summary>Nodes wanted (≥ 0, at most <see cref="NodeLimits.MaxNodesPerPool"/>).</summary>
    public int Desired { get; init; } = 1;

    /// <summary>
    /// Allows a bid up to this USD per node-hour, replacing the default ceiling (the class's on-demand price) and the
    /// profile's <c>max_bid</c>; null keeps them. A bid above the ceiling is refused before any request.
    /// </summary>
    public decimal? MaxBid { get; init; }

    /// <summary>Autoscaling bounds, when the pool scales itself.</summary>
    public AutoscalingRange? Autoscaling { get; init; }

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

    internal SpotNodePool ToModel(string ns)
    {
        var name = NodePoolModels.NewPoolName(Cloudspace, ServerClass, Name, Desired, SpecConstraints.SpotNodePoolSpecDesiredMinimum);
        Services.BidPrice.Ensure(BidPrice, "bidPrice");
        return new SpotNodePool
        {
            ApiVersion = NodePoolModels.ApiVersion,
            Kind = "SpotNodePool",
            Metadata = NodePoolModels.Metadata(name, ns, Cloudspace, PoolLabels),
            Spec = new SpotNodePoolSpec
            {
                CloudSpace = Cloudspace,
                ServerClass = ServerClass,
                BidPrice = Services.BidPrice.Format(BidPrice),
                Desired = Desired,
                Autoscaling = Autoscaling?.ToModel("autoscaling"),
                CustomLabels = ModelMaps.ToStringMap(Labels),
                CustomAnnotations = ModelMaps.ToStringMap(Annotations),
                CustomTaints = NodePoolModels.Taints(Taints),
            },
        };
    }
}
