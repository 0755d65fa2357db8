namespace Rsspot.Pricing;

/// <summary>The checks a candidate (server class in a region) must pass, in the order the builder applies them.</summary>
public enum BuildConstraint
{
    /// <summary>The catalog has at least one row.</summary>
    Catalog,

    /// <summary>The region filter.</summary>
    Region,

    /// <summary>The family filter.</summary>
    Family,

    /// <summary>The generation filter.</summary>
    Generation,

    /// <summary>The class is on sale (not e.g. deprecated).</summary>
    Availability,

    /// <summary>The market price is known and positive.</summary>
    MarketPrice,

    /// <summary>vCPU and memory per node are known.</summary>
    Capacity,

    /// <summary>The node count reaches the requested vCPU and memory.</summary>
    RequestedCapacity,

    /// <summary>The cost is at most the max hourly budget.</summary>
    MaxHourly,

    /// <summary>The cost is at least the min hourly budget.</summary>
    MinHourly,

    /// <summary>The monthly cost is at most the max monthly budget.</summary>
    MaxMonthly,

    /// <summary>The monthly cost is at least the min monthly budget.</summary>
    MinMonthly,
}
