namespace Rsspot.Services.Vm;

/// <summary>How a VM pool gets its machines.</summary>
public enum VmPoolType
{
    /// <summary>Auction-priced machines, won with the pool's bid (the default).</summary>
    Spot,

    /// <summary>Fixed-price machines.</summary>
    OnDemand,
}
