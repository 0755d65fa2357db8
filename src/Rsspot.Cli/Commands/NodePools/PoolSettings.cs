using Rsspot.Services;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary>What the pool flags asked for (null: not given).</summary>
internal sealed record PoolSettings
{
    public int? Desired { get; init; }

    /// <summary>The bid in USD per node-hour (spot only).</summary>
    public decimal? Bid { get; init; }

    /// <summary>The bid ceiling the user set with --max-bid (spot only).</summary>
    public decimal? Ceiling { get; init; }

    public AutoscalingRange? Autoscaling { get; init; }

    public bool DisableAutoscaling { get; init; }

    public Dictionary<string, string>? Labels { get; init; }

    public Dictionary<string, string>? Annotations { get; init; }

    public IReadOnlyList<NodeTaint>? Taints { get; init; }
}
