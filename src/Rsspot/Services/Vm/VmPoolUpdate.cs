using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>Changes to a VM pool: its machine count and its bid; only the set fields are sent (merge patch).</summary>
public sealed record VmPoolUpdate
{
    /// <summary>New machine count (0 or more; unlike spotctl, 0 can be sent).</summary>
    public int? Desired { get; init; }

    /// <summary>New bid in USD per VM-hour (steps of 0.001); refused above the class's ceiling, see <see cref="MaxBid"/>.</summary>
    public decimal? BidPrice { get; init; }

    /// <summary>Allows <see cref="BidPrice"/> up to this USD per VM-hour, replacing the default ceiling; not sent.</summary>
    public decimal? MaxBid { get; init; }

    internal VmPool ToPatch()
    {
        if (Desired is null && BidPrice is null)
        {
            throw new ArgumentException("Nothing to update: set the desired count or the bid price.", nameof(Desired));
        }

        if (Desired is { } desired)
        {
            NodePoolModels.EnsureDesired(desired, SpecConstraints.VmPoolSpecDesiredMinimum);
        }

        if (BidPrice is { } bid)
        {
            Services.BidPrice.Ensure(bid, "bidPrice");
        }

        return new VmPool { Spec = new VmPoolSpec { Desired = Desired, BidPrice = BidPrice is { } b ? VmModels.WireBid(b) : null } };
    }
}
