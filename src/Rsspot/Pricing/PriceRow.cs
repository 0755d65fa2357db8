namespace Rsspot.Pricing;

/// <summary>
/// Everything known about the price of one server class in one region: the raw strings of the sources next to
/// the parsed numbers. A null number means "unknown" (missing, empty or unreadable text), never 0.
/// Build rows with <see cref="PriceCatalog.Create"/>.
/// </summary>
public sealed record PriceRow
{
    /// <summary>Class name such as <c>gp.vs1.medium-dfw</c>.</summary>
    public required string ClassName { get; init; }

    /// <summary>Region name such as <c>us-central-dfw-1</c>; empty when no source says.</summary>
    public required string Region { get; init; }

    /// <summary>The parts of <see cref="ClassName"/>.</summary>
    public required ServerClassName Name { get; init; }

    /// <summary>Documents that mention this class and region.</summary>
    public PriceSources Sources { get; init; }

    /// <summary>Display name, from the server class or else the percentiles document.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Category, from the server class or else the percentiles document.</summary>
    public string? Category { get; init; }

    /// <summary>Availability of the server class (e.g. <c>available</c>, <c>deprecated</c>); null when unknown.</summary>
    public string? Availability { get; init; }

    /// <summary>Generation token: from the class name (<c>vs2</c>), else as a source states it.</summary>
    public string? Generation { get; init; }

    /// <summary>Generation as a number (<c>vs2</c> → 2), or null.</summary>
    public int? GenerationNumber => ServerClassName.TrailingNumber(Generation);

    /// <summary>Class family from the name (<c>gp</c>, <c>ch</c>, <c>mh</c>, …), or null.</summary>
    public string? Family => Name.Family;

    /// <summary>CPU text as received.</summary>
    public string? CpuRaw { get; init; }

    /// <summary>Number of vCPUs per node, or null.</summary>
    public decimal? Cpu { get; init; }

    /// <summary>Memory text as received.</summary>
    public string? MemoryRaw { get; init; }

    /// <summary>Memory per node in GB (binary, see <see cref="PriceText.ParseMemoryGb"/>), or null.</summary>
    public decimal? MemoryGb { get; init; }

    /// <summary>Market price text: the server class's, or else the percentiles document's.</summary>
    public string? MarketRaw { get; init; }

    /// <summary>Current market price, USD per node-hour, or null.</summary>
    public decimal? MarketPerHour { get; init; }

    /// <summary>Hammer (last clearing) price text.</summary>
    public string? HammerRaw { get; init; }

    /// <summary>Last clearing price, USD per node-hour, or null.</summary>
    public decimal? HammerPerHour { get; init; }

    /// <summary>On-demand cost text, with its interval when one was given (e.g. <c>25.55/month</c>).</summary>
    public string? OnDemandRaw { get; init; }

    /// <summary>On-demand price, USD per node-hour (monthly costs divided by 730), or null.</summary>
    public decimal? OnDemandPerHour { get; init; }

    /// <summary>Minimum bid text.</summary>
    public string? MinimumBidRaw { get; init; }

    /// <summary>Minimum bid, USD per node-hour, or null.</summary>
    public decimal? MinimumBidPerHour { get; init; }

    /// <summary>20th percentile of recent clearing prices, USD per node-hour, or null.</summary>
    public decimal? P20 { get; init; }

    /// <summary>50th percentile of recent clearing prices, USD per node-hour, or null.</summary>
    public decimal? P50 { get; init; }

    /// <summary>80th percentile of recent clearing prices, USD per node-hour, or null.</summary>
    public decimal? P80 { get; init; }

    /// <summary>Hyperscaler average price text.</summary>
    public string? HyperscalerAverageRaw { get; init; }

    /// <summary>Average price of comparable hyperscaler instances, USD per hour, or null.</summary>
    public decimal? HyperscalerAverage { get; init; }

    /// <summary>Comparable offers of other clouds (empty when none are known).</summary>
    public IReadOnlyList<ComparableOffer> Comparables { get; init; } = [];

    /// <summary>
    /// True unless the availability says otherwise: <c>available</c>, <c>active</c>, <c>enabled</c>, <c>ga</c> or unknown
    /// (the price documents list only classes on sale). Anything else, such as <c>deprecated</c>, is false.
    /// </summary>
    public bool IsAvailable => Availabilities.IsAvailableLike(Availability);

    /// <summary>True when any of the 20th, 50th or 80th percentiles is known.</summary>
    public bool HasPercentiles => P20 is not null || P50 is not null || P80 is not null;
}
