namespace Rsspot.Configuration;

/// <summary>One named profile as written in the config file; unset values are <see langword="null"/>.</summary>
public sealed record ProfileConfig
{
    /// <summary>Organization name (or id) the profile works in.</summary>
    public string? Org { get; init; }

    /// <summary>Organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>Default region.</summary>
    public string? Region { get; init; }

    /// <summary>OAuth client id; the Spot public client when unset.</summary>
    public string? ClientId { get; init; }

    /// <summary>Refresh token (secret).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Access/id token (secret), reused while valid.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Spot API base URL.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>OAuth server base URL.</summary>
    public string? OAuthUrl { get; init; }

    /// <summary>Public price data base URL.</summary>
    public string? PriceDataUrl { get; init; }

    /// <summary>Per-request timeout in seconds (default 30).</summary>
    public double? RequestTimeoutSeconds { get; init; }

    /// <summary>
    /// Time allowed for one request with all its retries, in seconds (<c>operation_timeout_seconds</c>); by default the
    /// worst case of the retry policy.
    /// </summary>
    public double? OperationTimeoutSeconds { get; init; }

    /// <summary>
    /// The highest bid any writer may send, USD per node-hour (<c>max_bid</c>); it replaces the default ceiling (the
    /// class's on-demand price). Null keeps the default.
    /// </summary>
    public decimal? MaxBid { get; init; }

    /// <summary>Whether TLS certificates are verified (default true).</summary>
    public bool? VerifySsl { get; init; }

    /// <summary>Python-style retry count: <c>retry.max_attempts = max_retries + 1</c>.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Python-style backoff factor in seconds: becomes <c>retry.base_delay</c>.</summary>
    public double? RetryBackoffFactor { get; init; }

    /// <summary>Retry overrides for this profile (field by field over the top-level retry).</summary>
    public RetryConfig Retry { get; init; } = new();

    /// <summary>Cache overrides for this profile (field by field over the top-level cache).</summary>
    public CacheConfig Cache { get; init; } = new();
}
