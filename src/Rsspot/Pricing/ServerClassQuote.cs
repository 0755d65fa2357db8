namespace Rsspot.Pricing;

/// <summary>
/// What the server-class list says about one class, as raw strings: the input the price rows are built from.
/// Map a generated <c>ServerClass</c> into this (spec.resources.cpu → <see cref="Cpu"/>,
/// status.spotPricing.marketPricePerHour → <see cref="MarketPricePerHour"/>, and so on).
/// </summary>
/// <param name="Name">Class name such as <c>gp.vs1.medium-dfw</c>.</param>
/// <param name="Region">Region name such as <c>us-central-dfw-1</c>; null or empty when the class does not say
/// (the region is then taken from the price documents if exactly one region lists the class).</param>
public sealed record ServerClassQuote(string Name, string? Region)
{
    /// <summary>spec.category, e.g. <c>gp</c> or <c>General Purpose</c>.</summary>
    public string? Category { get; init; }

    /// <summary>Generation as the source states it, used when the class name has none.</summary>
    public string? Generation { get; init; }

    /// <summary>spec.displayName.</summary>
    public string? DisplayName { get; init; }

    /// <summary>spec.availability, e.g. <c>available</c> or <c>deprecated</c>.</summary>
    public string? Availability { get; init; }

    /// <summary>spec.resources.cpu, e.g. <c>2</c>.</summary>
    public string? Cpu { get; init; }

    /// <summary>spec.resources.memory, e.g. <c>3.75GB</c>.</summary>
    public string? Memory { get; init; }

    /// <summary>status.spotPricing.marketPricePerHour (USD), may be empty.</summary>
    public string? MarketPricePerHour { get; init; }

    /// <summary>status.spotPricing.hammerPricePerHour (USD), may be empty.</summary>
    public string? HammerPricePerHour { get; init; }

    /// <summary>spec.onDemandPricing.cost (USD per <see cref="OnDemandInterval"/>).</summary>
    public string? OnDemandCost { get; init; }

    /// <summary>spec.onDemandPricing.interval; <c>month</c>/<c>monthly</c> is converted at 730 hours, anything else is per hour.</summary>
    public string? OnDemandInterval { get; init; }

    /// <summary>Minimum bid price (USD per hour), empty for some bare-metal classes.</summary>
    public string? MinimumBidPrice { get; init; }
}
