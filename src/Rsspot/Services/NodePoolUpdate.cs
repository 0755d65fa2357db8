using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Changes to a node pool; only the set fields are sent (merge patch).</summary>
public sealed record NodePoolUpdate
{
    /// <summary>New node count (≥ 0).</summary>
    public int? Desired { get; init; }

    /// <summary>New bid price (spot pools only); refused above the class's ceiling, see <see cref="MaxBid"/>.</summary>
    public decimal? BidPrice { get; init; }

    /// <summary>
    /// Allows <see cref="BidPrice"/> up to this USD per node-hour, replacing the default ceiling (the class's on-demand
    /// price) and the profile's <c>max_bid</c>; null keeps them. Not sent.
    /// </summary>
    public decimal? MaxBid { get; init; }

    /// <summary>New autoscaling bounds (spot pools only).</summary>
    public AutoscalingRange? Autoscaling { get; init; }

    /// <summary>True turns autoscaling off (spot pools only).</summary>
    public bool DisableAutoscaling { get; init; }

    /// <summary>Node labels to set.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Node annotations to set.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Node taints replacing the current ones.</summary>
    public IReadOnlyList<NodeTaint>? Taints { get; init; }

    internal bool IsEmpty =>
        Desired is null && BidPrice is null && Autoscaling is null && !DisableAutoscaling && Labels is null && Annotations is null && Taints is null;

    internal SpotNodePool ToSpotPatch()
    {
        Validate(SpecConstraints.SpotNodePoolSpecDesiredMinimum);
        return new SpotNodePool
        {
            Spec = new SpotNodePoolSpec
            {
                Desired = Desired,
                BidPrice = BidPrice is { } bid ? Services.BidPrice.Format(bid) : null,
                Autoscaling = DisableAutoscaling ? new Autoscaling { Enabled = false } : Autoscaling?.ToModel("autoscaling"),
                CustomLabels = ModelMaps.ToStringMap(Labels),
                CustomAnnotations = ModelMaps.ToStringMap(Annotations),
                CustomTaints = NodePoolModels.Taints(Taints),
            },
        };
    }

    internal OnDemandNodePool ToOnDemandPatch()
    {
        Validate(SpecConstraints.OnDemandNodePoolSpecDesiredMinimum);
        if (BidPrice is not null || Autoscaling is not null || DisableAutoscaling)
        {
            throw new ArgumentException("On-demand node pools have no bid price or autoscaling; change desired, labels, annotations or taints.", nameof(BidPrice));
        }

        return new OnDemandNodePool
        {
            Spec = new OnDemandNodePoolSpec
            {
                Desired = Desired,
                CustomLabels = ModelMaps.ToStringMap(Labels),
                CustomAnnotations = ModelMaps.ToStringMap(Annotations),
                CustomTaints = NodePoolModels.Taints(Taints),
            },
        };
    }

    private void Validate(int desiredMinimum)
    {
        if (IsEmpty)
        {
            throw new ArgumentException("Nothing to update: set desired, bid price, autoscaling, labels, annotations or taints.", nameof(Desired));
        }

        if (Desired is { } desired)
        {
            NodePoolModels.EnsureDesired(desired, desiredMinimum);
        }

        if (BidPrice is { } bid)
        {
            Services.BidPrice.Ensure(bid, "bidPrice");
        }
    }
}
