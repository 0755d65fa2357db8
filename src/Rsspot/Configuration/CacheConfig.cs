namespace Rsspot.Configuration;

/// <summary>Cache settings as written in a file; unset values inherit.</summary>
public sealed record CacheConfig
{
    /// <summary>Whether GET responses are cached.</summary>
    public bool? Enabled { get; init; }

    /// <summary>TTL in seconds for paths without a specific entry.</summary>
    public double? DefaultTtl { get; init; }

    /// <summary>Entry bound.</summary>
    public int? MaxEntries { get; init; }

    /// <summary>Where entries live.</summary>
    public CacheBackend? Backend { get; init; }

    /// <summary>TTL in seconds by <c>METHOD:/path</c> (exact) or <c>METHOD:/prefix*</c> key; merged by key.</summary>
    public IReadOnlyDictionary<string, double>? TtlDefaults { get; init; }
}
