namespace Rsspot.Pricing;

/// <summary>One class of the public comparable-prices document (<c>regions.&lt;region&gt;.&lt;class&gt;</c>).</summary>
/// <param name="Region">The region key of the document.</param>
/// <param name="ClassName">The class key of the document.</param>
public sealed record ComparableQuote(string Region, string ClassName)
{
    /// <summary><c>hyperscaler_average_price</c> as text, such as <c>$0.009</c>.</summary>
    public string? HyperscalerAveragePrice { get; init; }

    /// <summary><c>comparables</c>: the same-size offers of other clouds.</summary>
    public IReadOnlyList<ComparableOffer> Comparables { get; init; } = [];
}
