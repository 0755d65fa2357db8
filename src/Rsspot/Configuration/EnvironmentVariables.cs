namespace Rsspot.Configuration;

/// <summary>
/// The environment variables rsspot reads, each as an ordered alias list: the first variable that is set to a
/// non-empty value wins.
/// </summary>
public static class EnvironmentVariables
{
    /// <summary>Config file path.</summary>
    public static IReadOnlyList<string> ConfigPath { get; } = ["RSSPOT_CONFIG", "RSSPOT_CONFIG_FILE", "SPOT_CONFIG_FILE"];

    /// <summary>Profile name.</summary>
    public static IReadOnlyList<string> Profile { get; } = ["RSSPOT_PROFILE", "SPOT_PROFILE"];

    /// <summary>Organization name or id.</summary>
    public static IReadOnlyList<string> Org { get; } = ["RSSPOT_ORG", "RACKSPACE_ORG", "SPOT_ORG"];

    /// <summary>Organization id.</summary>
    public static IReadOnlyList<string> OrgId { get; } = ["RSSPOT_ORG_ID", "RACKSPACE_ORG_ID", "SPOT_ORG_ID"];

    /// <summary>Region.</summary>
    public static IReadOnlyList<string> Region { get; } = ["RSSPOT_REGION", "RACKSPACE_REGION", "SPOT_REGION"];

    /// <summary>Refresh token.</summary>
    public static IReadOnlyList<string> RefreshToken { get; } = ["RSSPOT_REFRESH_TOKEN", "RACKSPACE_REFRESH_TOKEN", "SPOT_REFRESH_TOKEN"];

    /// <summary>Access/id token.</summary>
    public static IReadOnlyList<string> AccessToken { get; } = ["RSSPOT_ACCESS_TOKEN", "RACKSPACE_ACCESS_TOKEN", "SPOT_ACCESS_TOKEN"];

    /// <summary>OAuth client id.</summary>
    public static IReadOnlyList<string> ClientId { get; } = ["RSSPOT_CLIENT_ID"];

    /// <summary>Spot API base URL.</summary>
    public static IReadOnlyList<string> BaseUrl { get; } = ["RSSPOT_BASE_URL", "SPOT_BASE_URL"];

    /// <summary>OAuth server base URL.</summary>
    public static IReadOnlyList<string> OAuthUrl { get; } = ["RSSPOT_OAUTH_URL", "SPOT_AUTH_URL"];

    /// <summary>Public price data base URL.</summary>
    public static IReadOnlyList<string> PriceDataUrl { get; } = ["RSSPOT_PRICE_DATA_URL"];

    /// <summary>The bid ceiling in USD per node-hour (<c>max_bid</c>).</summary>
    public static IReadOnlyList<string> MaxBid { get; } = ["RSSPOT_MAX_BID"];

    /// <summary>Request timeout in seconds.</summary>
    public static IReadOnlyList<string> RequestTimeoutSeconds { get; } = ["RSSPOT_REQUEST_TIMEOUT_SECONDS"];

    /// <summary>Retry count (Python style; attempts = retries + 1).</summary>
    public static IReadOnlyList<string> MaxRetries { get; } = ["RSSPOT_MAX_RETRIES"];

    /// <summary>Backoff factor in seconds (becomes the base delay).</summary>
    public static IReadOnlyList<string> RetryBackoffFactor { get; } = ["RSSPOT_RETRY_BACKOFF_FACTOR"];

    /// <summary>TLS verification (true/false/1/0/yes/no).</summary>
    public static IReadOnlyList<string> VerifySsl { get; } = ["RSSPOT_VERIFY_SSL"];
}
