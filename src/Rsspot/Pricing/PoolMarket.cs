namespace Rsspot.Pricing;

/// <summary>What the bid guard knows about one spot pool: its bid and auction status, and its class's market.</summary>
public sealed record PoolMarket
{
    /// <summary>The pool name.</summary>
    public required string Pool { get; init; }

    /// <summary>The cloudspace of the pool, when known.</summary>
    public string? Cloudspace { get; init; }

    /// <summary>The server class of the pool's nodes.</summary>
    public required string ServerClass { get; init; }

    /// <summary>The desired node count.</summary>
    public int Desired { get; init; }

    /// <summary>The current bid, USD per node-hour; null when the API's text is not a price.</summary>
    public decimal? Bid { get; init; }

    /// <summary>The auction status the API reports (<c>Won</c>, <c>Lost</c>, <c>Pending</c>, ...), when known.</summary>
    public string? BidStatus { get; init; }

    /// <summary>How many nodes the bid won, when known.</summary>
    public int? WonCount { get; init; }

    /// <summary>The class's market price, USD per node-hour, when known.</summary>
    public decimal? Market { get; init; }

    /// <summary>The class's last clearing (hammer) price, when known.</summary>
    public decimal? Hammer { get; init; }

    /// <summary>The class's on-demand price, USD per node-hour, when known: the default bid ceiling.</summary>
    public decimal? OnDemand { get; init; }

    /// <summary>The class's minimum (reserve) bid, when a source states one.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>20th percentile of recent clearing prices.</summary>
    public decimal? P20 { get; init; }

    /// <summary>50th percentile of recent clearing prices.</summary>
    public decimal? P50 { get; init; }

    /// <summary>80th percentile of recent clearing prices.</summary>
    public decimal? P80 { get; init; }

    /// <summary>Recent clearing prices, oldest first (the public history document).</summary>
    public IReadOnlyList<decimal> History { get; init; } = [];

    /// <summary>True when the pool's auction has not run yet (<c>bidStatus: Pending</c>): no node could have been won.</summary>
    public bool IsPending => string.Equals(BidStatus, "Pending", StringComparison.OrdinalIgnoreCase);

    /// <summary>The percentile a policy bids at (20, 50 or 80), or null when unknown.</summary>
    public decimal? Percentile(int percent) => percent switch
    {
        20 => P20,
        50 => P50,
        _ => P80,
    };
}
