namespace Rsspot.Pricing;

/// <summary>Summary statistics of a non-empty price history, USD per node-hour.</summary>
/// <param name="Count">Number of auctions.</param>
/// <param name="From">Time of the first auction.</param>
/// <param name="To">Time of the last auction.</param>
/// <param name="Min">Lowest clearing price.</param>
/// <param name="Max">Highest clearing price.</param>
/// <param name="First">Clearing price of the first auction.</param>
/// <param name="Last">Clearing price of the last auction.</param>
/// <param name="Mean">Arithmetic mean, rounded to 6 decimals.</param>
public sealed record PriceSummary(
    int Count,
    DateTimeOffset From,
    DateTimeOffset To,
    decimal Min,
    decimal Max,
    decimal First,
    decimal Last,
    decimal Mean);
