using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>An on-demand node pool in one row, flattened from <see cref="OnDemandNodePool"/>.</summary>
/// <param name="Name">The pool name (a lower-case UUID).</param>
/// <param name="Cloudspace">The cloudspace it belongs to.</param>
/// <param name="ServerClass">The server class of its nodes.</param>
/// <param name="Desired">The desired node count.</param>
/// <param name="ReservedStatus">The reservation status.</param>
/// <param name="ReservedCount">How many nodes are reserved.</param>
public sealed record OnDemandNodePoolSummary(string Name, string? Cloudspace, string? ServerClass, int? Desired, string? ReservedStatus, int? ReservedCount)
{
    /// <summary>Flattens a generated on-demand node pool model.</summary>
    /// <param name="pool">The model.</param>
    public static OnDemandNodePoolSummary From(OnDemandNodePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new OnDemandNodePoolSummary(
            pool.Metadata?.Name ?? string.Empty,
            pool.Spec?.CloudSpace,
            pool.Spec?.ServerClass,
            pool.Spec?.Desired,
            pool.Status?.ReservedStatus,
            pool.Status?.ReservedCount);
    }
}
