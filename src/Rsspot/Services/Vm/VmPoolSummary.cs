using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services.Vm;

/// <summary>A VM pool in one row, flattened from <see cref="VmPool"/>.</summary>
/// <param name="Name">The pool name (a lower-case UUID).</param>
/// <param name="VmCloudspace">The VM cloudspace it belongs to.</param>
/// <param name="ServerClass">The server class of its machines.</param>
/// <param name="PoolType">spot or ondemand, as the API wrote it.</param>
/// <param name="Desired">The desired machine count.</param>
/// <param name="BidPrice">The bid in USD per VM-hour, or null when the API text is not a price.</param>
/// <param name="BidStatus">The auction status of the bid (e.g. Fulfilled, Lost).</param>
/// <param name="WonCount">How many machines the bid won.</param>
/// <param name="Image">The VM image.</param>
public sealed record VmPoolSummary(string Name, string? VmCloudspace, string? ServerClass, string? PoolType, int? Desired, decimal? BidPrice, string? BidStatus, int? WonCount, string? Image)
{
    /// <summary>Flattens a generated VM pool model.</summary>
    /// <param name="pool">The model.</param>
    public static VmPoolSummary From(VmPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new VmPoolSummary(
            pool.Metadata?.Name ?? string.Empty,
            pool.Spec?.VmCloudSpace,
            pool.Spec?.ServerClass,
            pool.Spec?.PoolType switch
            {
                VmPoolSpec_poolType.Spot => "spot",
                VmPoolSpec_poolType.Ondemand => "ondemand",
                _ => null,
            },
            pool.Spec?.Desired,
            PriceText.ParseUsd(pool.Spec?.BidPrice),
            pool.Status?.BidStatus,
            pool.Status?.WonCount,
            pool.Spec?.VmImage);
    }
}
