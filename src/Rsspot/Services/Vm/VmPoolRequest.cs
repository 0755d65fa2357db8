using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>What a new VM pool needs: its VM cloudspace, a server class and a bid.</summary>
/// <param name="VmCloudspace">The VM cloudspace the pool joins.</param>
/// <param name="ServerClass">Server class such as gp.vs1.medium-ord.</param>
/// <param name="BidPrice">Highest price per VM-hour in USD, in steps of 0.001 (see <see cref="Services.BidPrice.Parse"/> for text input).</param>
public sealed record VmPoolRequest(string VmCloudspace, string ServerClass, decimal BidPrice)
{
    /// <summary>Pool name (a lower-case UUID); a new one when left out.</summary>
    public string? Name { get; init; }

    /// <summary>Machines wanted (0 or more).</summary>
    public int Desired { get; init; } = 1;

    /// <summary>Spot (the default) or on-demand.</summary>
    public VmPoolType PoolType { get; init; } = VmPoolType.Spot;

    /// <summary>The VM image, such as ubuntu24.04; the API's default when left out.</summary>
    public string? Image { get; init; }

    /// <summary>Cloud-init user data for the pool's machines.</summary>
    public VmUserData? UserData { get; init; }

    /// <summary>
    /// Allows a bid up to this USD per VM-hour, replacing the default ceiling (the class's on-demand price) and the
    /// profile's <c>max_bid</c>; null keeps them. A bid above the ceiling is refused before any request. Not sent.
    /// </summary>
    public decimal? MaxBid { get; init; }

    internal VmPool ToModel(string ns)
    {
        VmNames.EnsureResourceName(VmCloudspace, "VM cloudspace", "vmCloudspace");
        ArgumentException.ThrowIfNullOrWhiteSpace(ServerClass, "serverClass");
        Services.BidPrice.Ensure(BidPrice, "bidPrice");
        NodePoolModels.EnsureDesired(Desired, SpecConstraints.VmPoolSpecDesiredMinimum);
        if (!Enum.IsDefined(PoolType))
        {
            throw new ArgumentException($"VM pool type {PoolType} is invalid: use Spot or OnDemand.", "poolType");
        }

        var name = Name ?? VmNames.NewPoolName();
        VmNames.EnsurePoolName(name);
        return new VmPool
        {
            ApiVersion = VmModels.ApiVersion,
            Kind = VmModels.PoolKind,
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new VmPoolSpec
            {
                VmCloudSpace = VmCloudspace,
                ServerClass = ServerClass,
                BidPrice = VmModels.WireBid(BidPrice),
                Desired = Desired,
                PoolType = PoolType == VmPoolType.OnDemand ? VmPoolSpec_poolType.Ondemand : VmPoolSpec_poolType.Spot,
                VmImage = string.IsNullOrWhiteSpace(Image) ? null : Image,
                VmUserData = UserData?.Base64,
            },
        };
    }
}
