using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Autoscaling bounds of a node pool (min ≤ max).</summary>
/// <param name="MinNodes">Fewest nodes.</param>
/// <param name="MaxNodes">Most nodes.</param>
public sealed record AutoscalingRange(int MinNodes, int MaxNodes)
{
    internal Autoscaling ToModel(string field)
    {
        if (MinNodes < SpecConstraints.AutoscalingMinNodesMinimum || MaxNodes < MinNodes || MaxNodes > NodeLimits.MaxNodesPerPool)
        {
            throw new ArgumentException($"Autoscaling {MinNodes}..{MaxNodes} is invalid: need {SpecConstraints.AutoscalingMinNodesMinimum} ≤ min ≤ max ≤ {NodeLimits.MaxNodesPerPool}.", field);
        }

        return new Autoscaling { Enabled = true, MinNodes = MinNodes, MaxNodes = MaxNodes };
    }

    /// <summary>The range of <paramref name="autoscaling"/>, or null when autoscaling is absent or off.</summary>
    /// <param name="autoscaling">The generated autoscaling settings.</param>
    public static AutoscalingRange? From(Autoscaling? autoscaling) =>
        autoscaling?.Enabled == true ? new AutoscalingRange(autoscaling.MinNodes ?? 0, autoscaling.MaxNodes ?? autoscaling.MinNodes ?? 0) : null;

    /// <summary>The range as <c>min-max</c>.</summary>
    public override string ToString() => $"{MinNodes}-{MaxNodes}";
}

/// <summary>A Kubernetes taint applied to a pool's nodes.</summary>
/// <param name="Key">Taint key.</param>
/// <param name="Value">Taint value.</param>
/// <param name="Effect">NoSchedule, PreferNoSchedule or NoExecute.</param>
public sealed record NodeTaint(string Key, string? Value, string Effect)
{
    private static readonly string[] Effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    /// <summary>Parses <c>key=value:Effect</c> or <c>key:Effect</c>.</summary>
    public static NodeTaint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new ArgumentException($"Taint '{text}' is invalid: write key=value:Effect (Effect is {string.Join(", ", Effects)}).", "taint");
        }

        var effect = text[(colon + 1)..];
        var keyValue = text[..colon];
        var equals = keyValue.IndexOf('=', StringComparison.Ordinal);
        var taint = equals < 0 ? new NodeTaint(keyValue, null, effect) : new NodeTaint(keyValue[..equals], keyValue[(equals + 1)..], effect);
        taint.Validate();
        return taint;
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Key) || !Effects.Contains(Effect, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Taint '{Key}:{Effect}' is invalid: the key must be set and the effect one of {string.Join(", ", Effects)}.", "taint");
        }
    }

    internal Taint ToModel() => new() { Key = Key, Value = Value, Effect = Effect };
}

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
        SpotNames.EnsureCloudspaceName(Cloudspace, "cloudspace");
        ArgumentException.ThrowIfNullOrWhiteSpace(ServerClass, "serverClass");
        Services.BidPrice.Ensure(BidPrice, "bidPrice");
        NodePoolModels.EnsureDesired(Desired, SpecConstraints.SpotNodePoolSpecDesiredMinimum);
        var name = Name ?? SpotNames.NewPoolName();
        SpotNames.EnsureNewPoolName(name);
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
        SpotNames.EnsureCloudspaceName(Cloudspace, "cloudspace");
        ArgumentException.ThrowIfNullOrWhiteSpace(ServerClass, "serverClass");
        NodePoolModels.EnsureDesired(Desired, SpecConstraints.OnDemandNodePoolSpecDesiredMinimum);
        var name = Name ?? SpotNames.NewPoolName();
        SpotNames.EnsureNewPoolName(name);
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

/// <summary>Shared pieces of node pool bodies.</summary>
internal static class NodePoolModels
{
    public const string ApiVersion = "ngpc.rxt.io/v1";
    public const string CloudspaceLabel = "ngpc.rxt.io/cloudspace";

    public static void EnsureDesired(int desired, int minimum)
    {
        if (desired < minimum || desired > NodeLimits.MaxNodesPerPool)
        {
            throw new ArgumentException($"Desired node count {desired} is invalid: it must be from {minimum} to {NodeLimits.MaxNodesPerPool} (a sane bound far above any server class's capacity).", "desired");
        }
    }

    public static ObjectMeta Metadata(string name, string ns, string cloudspace, IReadOnlyDictionary<string, string>? labels = null)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        all[CloudspaceLabel] = cloudspace;
        return new() { Name = name, Namespace = ns, Labels = ModelMaps.ToStringMap(all) };
    }

    public static List<Taint>? Taints(IReadOnlyList<NodeTaint>? taints)
    {
        if (taints is null)
        {
            return null;
        }

        foreach (var taint in taints)
        {
            taint.Validate();
        }

        return taints.Select(t => t.ToModel()).ToList();
    }
}
