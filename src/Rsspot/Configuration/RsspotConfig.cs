namespace Rsspot.Configuration;

/// <summary>
/// The config file schema shared with the Python rsspot: profiles, preferences and the top-level retry and
/// cache defaults. Unset values are <see langword="null"/>; defaults apply when an
/// <see cref="EffectiveProfile"/> is built. Can be built in code and passed as the runtime config.
/// </summary>
public sealed record RsspotConfig
{
    /// <summary>Schema version written by the tool that saved the file (informational).</summary>
    public int? Version { get; init; }

    /// <summary>The profile used when nothing else selects one (after <see cref="ActiveProfile"/>).</summary>
    public string? DefaultProfile { get; init; }

    /// <summary>The profile chosen with <c>rsspot profiles use</c>.</summary>
    public string? ActiveProfile { get; init; }

    /// <summary>Where state.db lives; relative paths are relative to the config file's directory.</summary>
    public string? StatePath { get; init; }

    /// <summary>
    /// Preferred output of the rsspot tool (<c>json</c>, <c>yaml</c> or <c>table</c>); unset means a table on a
    /// terminal and JSON otherwise. The SDK itself does not use it.
    /// </summary>
    public string? Output { get; init; }

    /// <summary>Profiles by name.</summary>
    public IReadOnlyDictionary<string, ProfileConfig> Profiles { get; init; } = new Dictionary<string, ProfileConfig>(StringComparer.Ordinal);

    /// <summary>User preferences (default profile/org/region, per-profile org and region).</summary>
    public PreferencesConfig Preferences { get; init; } = new();

    /// <summary>Retry defaults every profile inherits.</summary>
    public RetryConfig Retry { get; init; } = new();

    /// <summary>Cache defaults every profile inherits.</summary>
    public CacheConfig Cache { get; init; } = new();
}

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

/// <summary>Preferences saved by <c>rsspot config set-default-*</c>.</summary>
public sealed record PreferencesConfig
{
    /// <summary>Preferred default profile.</summary>
    public string? DefaultProfile { get; init; }

    /// <summary>Org used when a profile names none.</summary>
    public string? DefaultOrg { get; init; }

    /// <summary>Region used when a profile names none.</summary>
    public string? DefaultRegion { get; init; }

    /// <summary>Preferred org per profile name.</summary>
    public IReadOnlyDictionary<string, string> ProfileOrgs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Preferred region per profile name.</summary>
    public IReadOnlyDictionary<string, string> ProfileRegions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>Retry settings as written in a file; unset values inherit.</summary>
public sealed record RetryConfig
{
    /// <summary>Attempts in total, the first included.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>First backoff delay in seconds.</summary>
    public double? BaseDelay { get; init; }

    /// <summary>Backoff cap in seconds.</summary>
    public double? MaxDelay { get; init; }

    /// <summary>Random jitter fraction (0.2 = ±20 %).</summary>
    public double? Jitter { get; init; }

    /// <summary>HTTP statuses that are retried.</summary>
    public IReadOnlyList<int>? RetryStatuses { get; init; }
}

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
