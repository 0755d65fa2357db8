using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>
/// Which spot node pools Spot manages for an autopilot pool. A child is named in an autopilot pool's
/// <c>status.allocations[].spotNodePool</c>, or carries an owner reference of kind <c>AutopilotNodePool</c>, or the
/// label <see cref="OwnerLabel"/>. No writer of this SDK (the bid guard, the pricing builder, MCP) changes such a
/// pool: Spot re-bids and re-sizes it itself, and a change would fight its allocation.
/// </summary>
public static class AutopilotOwnership
{
    /// <summary>The label an autopilot pool's child spot pools carry, naming it: <c>ngpc.rxt.io/autopilotnodepool</c>.</summary>
    public const string OwnerLabel = "ngpc.rxt.io/autopilotnodepool";

    /// <summary>The child spot node pools the autopilot pools name in their allocations: child name to autopilot pool name.</summary>
    /// <param name="pools">Autopilot pools.</param>
    public static IReadOnlyDictionary<string, string> ChildPools(IEnumerable<AutopilotNodePool> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var children = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pool in pools)
        {
            foreach (var child in (pool.Status?.Allocations ?? []).Select(a => a.SpotNodePool).OfType<string>().Where(n => n.Length > 0))
            {
                children.TryAdd(child, pool.Metadata?.Name ?? string.Empty);
            }
        }

        return children;
    }

    /// <summary>The autopilot pool that manages <paramref name="pool"/>, or null when none does.</summary>
    /// <param name="pool">A spot node pool.</param>
    /// <param name="children">Children from <see cref="ChildPools"/> (the allocations), when known.</param>
    public static string? ManagerOf(SpotNodePool pool, IReadOnlyDictionary<string, string>? children = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var metadata = pool.Metadata;
        if (metadata?.OwnerReferences?.FirstOrDefault(o => string.Equals(o.Kind, AutopilotModels.Kind, StringComparison.Ordinal)) is { } owner)
        {
            return owner.Name ?? string.Empty;
        }

        if (ModelMaps.ToDictionary(metadata?.Labels).TryGetValue(OwnerLabel, out var label))
        {
            return label;
        }

        return metadata?.Name is { } name && children is not null && children.TryGetValue(name, out var manager) ? manager : null;
    }

    /// <summary>True when Spot manages <paramref name="pool"/> for an autopilot pool.</summary>
    /// <param name="pool">A spot node pool.</param>
    /// <param name="children">Children from <see cref="ChildPools"/>, when known.</param>
    public static bool IsManaged(SpotNodePool pool, IReadOnlyDictionary<string, string>? children = null) => ManagerOf(pool, children) is not null;

    /// <summary>The cloudspace of an autopilot pool: <c>spec.cloudSpace</c>, else its cloudspace label (as the Go SDK reads it).</summary>
    /// <param name="pool">The pool.</param>
    public static string? CloudspaceOf(AutopilotNodePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Spec?.CloudSpace is { Length: > 0 } cloudspace)
        {
            return cloudspace;
        }

        return ModelMaps.ToDictionary(pool.Metadata?.Labels).TryGetValue(NodePoolModels.CloudspaceLabel, out var label) ? label : null;
    }
}
