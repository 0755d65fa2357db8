namespace Rsspot.Configuration;

/// <summary>
/// The canonical (snake_case) keys of the config schema and the alias rule: a key matches when it equals the
/// canonical key after removing underscores and dashes and ignoring case, so <c>refreshToken</c>,
/// <c>refresh-token</c> and <c>REFRESH_TOKEN</c> all mean <c>refresh_token</c>.
/// </summary>
internal static class ConfigKeys
{
    public const string Version = "version";
    public const string DefaultProfile = "default_profile";
    public const string ActiveProfile = "active_profile";
    public const string StatePath = "state_path";
    public const string Output = "output";
    public const string Profiles = "profiles";
    public const string Preferences = "preferences";
    public const string Retry = "retry";
    public const string Cache = "cache";

    public const string Org = "org";
    public const string OrgId = "org_id";
    public const string Region = "region";
    public const string ClientId = "client_id";
    public const string RefreshToken = "refresh_token";
    public const string AccessToken = "access_token";
    public const string BaseUrl = "base_url";
    public const string OAuthUrl = "oauth_url";
    public const string PriceDataUrl = "price_data_url";
    public const string RequestTimeoutSeconds = "request_timeout_seconds";
    public const string VerifySsl = "verify_ssl";
    public const string MaxRetries = "max_retries";
    public const string RetryBackoffFactor = "retry_backoff_factor";
    public const string MaxBid = "max_bid";

    public const string DefaultOrg = "default_org";
    public const string DefaultRegion = "default_region";
    public const string ProfileOrgs = "profile_orgs";
    public const string ProfileRegions = "profile_regions";

    public const string MaxAttempts = "max_attempts";
    public const string BaseDelay = "base_delay";
    public const string MaxDelay = "max_delay";
    public const string Jitter = "jitter";
    public const string RetryStatuses = "retry_statuses";

    public const string Enabled = "enabled";
    public const string DefaultTtl = "default_ttl";
    public const string MaxEntries = "max_entries";
    public const string Backend = "backend";
    public const string TtlDefaults = "ttl_defaults";

    /// <summary>Keys a profile may hold (also the keys of a legacy flat file).</summary>
    public static readonly string[] ProfileKeys = [.. ProfileSettingTable.All.Select(s => s.Key), Retry, Cache];

    /// <summary>Older spellings that map to a canonical key.</summary>
    private static readonly Dictionary<string, string> ExtraAliases = new(StringComparer.Ordinal)
    {
        ["authurl"] = OAuthUrl,
        ["timeout"] = RequestTimeoutSeconds,
        ["requesttimeout"] = RequestTimeoutSeconds,
    };

    private static readonly string[] AllKeys =
    [
        Version, DefaultProfile, ActiveProfile, StatePath, Output, Profiles, Preferences, Retry, Cache,
        .. ProfileKeys, DefaultOrg, DefaultRegion, ProfileOrgs, ProfileRegions,
        MaxAttempts, BaseDelay, MaxDelay, Jitter, RetryStatuses, Enabled, DefaultTtl, MaxEntries, Backend, TtlDefaults,
    ];

    public static string Normalize(string key)
    {
        return key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    public static bool Matches(string key, string canonical)
    {
        if (string.Equals(Normalize(key), Normalize(canonical), StringComparison.Ordinal))
        {
            return true;
        }

        return ExtraAliases.TryGetValue(Normalize(key).ToLowerInvariant(), out string? target) && target == canonical;
    }

    /// <summary>The canonical spelling of a schema key, or the key unchanged when it is not a schema key.</summary>
    public static string Canonical(string key)
    {
        foreach (string canonical in AllKeys)
        {
            if (Matches(key, canonical))
            {
                return canonical;
            }
        }

        return key;
    }
}
