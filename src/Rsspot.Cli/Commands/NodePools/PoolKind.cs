using Rsspot.Cli.Output.Python;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary>Spot or on-demand: the two kinds of node pool, which share their commands.</summary>
/// <param name="IsSpot">A spot (auction-priced) pool.</param>
internal sealed record PoolKind(bool IsSpot)
{
    public static PoolKind Spot { get; } = new(true);

    public static PoolKind OnDemand { get; } = new(false);

    /// <summary>The kind in messages: "spot node pool" or "on-demand node pool".</summary>
    public string Noun => IsSpot ? "spot node pool" : "on-demand node pool";

    /// <summary>The Python rsspot's shape of one pool of this kind.</summary>
    public PythonModel PythonModel => IsSpot ? PythonModels.SpotNodePool : PythonModels.OnDemandNodePool;
}
