using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>A spot node pool in one row, flattened from <see cref="SpotNodePool"/>.</summary>
/// <param name="Name">The pool name (a lower-case UUID).</param>
/// <param name="Cloudspace">The cloudspace it belongs to.</param>
/// <param name="ServerClass">The server class of its nodes.</param>
/// <param name="Desired">The desired node count.</param>
/// <param name="BidPrice">The bid in USD per node-hour, or null when the API text is not a price.</param>
/// <param name="Autoscaling">Minimum and maximum nodes when autoscaling is on, else null.</param>
/// <param name="BidStatus">The auction status of the bid.</param>
/// <param name="WonCount">How many nodes the bid won.</param>
public sealed record SpotNodePoolSummary(string Name, string? Cloudspace, string? ServerClass, int? Desired, decimal? BidPrice, AutoscalingRange? Autoscaling, string? BidStatus, int? WonCount)
{
    /// <summary>Flattens a generated spot node pool model.</summary>
    /// <param name="pool">The model.</param>
    public static SpotNodePoolSummary From(SpotNodePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new SpotNodePoolSummary(
            pool.Metadata?.Name ?? string.Empty,
            pool.Spec?.CloudSpace,
            pool.Spec?.ServerClass,
            pool.Spec?.Desired,
            PriceText.ParseUsd(pool.Spec?.BidPrice),
            AutoscalingRange.From(pool.Spec?.Autoscaling),
            pool.Status?.BidStatus,
            pool.Status?.WonCount);
    }
}
