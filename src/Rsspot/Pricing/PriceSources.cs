namespace Rsspot.Pricing;

/// <summary>Which documents contributed to a <see cref="PriceRow"/>.</summary>
[Flags]
public enum PriceSources
{
    /// <summary>No source (not used for real rows).</summary>
    None = 0,

    /// <summary>The server-class list.</summary>
    ServerClass = 1,

    /// <summary>The public percentiles document.</summary>
    Percentiles = 2,

    /// <summary>The public comparable-prices document.</summary>
    Comparables = 4,
}
