namespace Rsspot.Pricing;

/// <summary>
/// One class of the public percentiles document (<c>regions.&lt;region&gt;.serverclasses.&lt;class&gt;</c>).
/// </summary>
/// <param name="Region">The region key of the document.</param>
/// <param name="ClassName">The class key of the document.</param>
public sealed record PercentileQuote(string Region, string ClassName)
{
    /// <summary>The region's <c>generation</c> value.</summary>
    public string? Generation { get; init; }

    /// <summary><c>display_name</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary><c>category</c>.</summary>
    public string? Category { get; init; }

    /// <summary><c>cpu</c> as text.</summary>
    public string? Cpu { get; init; }

    /// <summary><c>memory</c> as text.</summary>
    public string? Memory { get; init; }

    /// <summary><c>market_price</c> as text (USD per hour).</summary>
    public string? MarketPrice { get; init; }

    /// <summary><c>20_percentile</c> (USD per hour), null when absent.</summary>
    public decimal? P20 { get; init; }

    /// <summary><c>50_percentile</c> (USD per hour), null when absent.</summary>
    public decimal? P50 { get; init; }

    /// <summary><c>80_percentile</c> (USD per hour), null when absent.</summary>
    public decimal? P80 { get; init; }
}
