
namespace Rsspot.Configuration;

/// <summary>
/// The fully resolved settings of one profile (file, inherited defaults and environment overrides applied):
/// what the HTTP layer consumes. <see cref="ToString"/> never shows the tokens.
/// </summary>
public sealed record EffectiveProfile
{
    /// <summary>Profile name.</summary>
    public required string Name { get; init; }

    /// <summary>Organization name or id, if any.</summary>
    public string? Org { get; init; }

    /// <summary>Organization id, if any.</summary>
    public string? OrgId { get; init; }

    /// <summary>Default region, if any.</summary>
    public string? Region { get; init; }

    /// <summary>OAuth client id.</summary>
    public string ClientId { get; init; } = SpotHosts.PublicClientId;

    /// <summary>Refresh token (secret), if any.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Access/id token (secret), if any.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Spot API base URL.</summary>
    public string BaseUrl { get; init; } = SpotHosts.Api;

    /// <summary>OAuth server base URL.</summary>
    public string OAuthUrl { get; init; } = SpotHosts.OAuth;

    /// <summary>Public price data base URL.</summary>
    public string PriceDataUrl { get; init; } = SpotHosts.PriceData;

    /// <summary>The per-request timeout when nothing sets one: 30 seconds, as the Python rsspot.</summary>
    public static TimeSpan DefaultRequestTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-request timeout (<c>request_timeout_seconds</c>, <see cref="SpotClientOptions.Timeout"/>).</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>
    /// Time allowed for one request with all its retries (<c>operation_timeout_seconds</c>,
    /// <see cref="SpotClientOptions.OperationTimeout"/>); null uses the worst case of the retry policy.
    /// </summary>
    public TimeSpan? OperationTimeout { get; init; }

    /// <summary>
    /// The bid ceiling the user set (<c>max_bid</c> or <c>RSSPOT_MAX_BID</c>), USD per node-hour: it replaces the default
    /// ceiling of every spot bid (the class's on-demand price). Null keeps the default.
    /// </summary>
    public decimal? MaxBid { get; init; }

    /// <summary>Whether TLS certificates are verified.</summary>
    public bool VerifySsl { get; init; } = true;

    /// <summary>Retry policy.</summary>
    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    /// <summary>Cache policy.</summary>
    public CacheSettings Cache { get; init; } = CacheSettings.Default;

    /// <summary>Full path of state.db for this profile's config.</summary>
    public string? StatePath { get; init; }

    /// <summary>The profile as ordered key/value pairs with tokens redacted, for printing.</summary>
    /// <returns>Snake_case keys as in the config file.</returns>
    public IReadOnlyList<KeyValuePair<string, string?>> ToRedactedPairs()
    {
        KeyValuePair<string, string?>[] pairs =
        [
            new("name", Name),
            .. ProfileSettingTable.All.Where(s => s.Shown is not null).Select(s => new KeyValuePair<string, string?>(s.Key, s.Shown!(this))),
            new("state_path", StatePath),
        ];
        return pairs;
    }

    /// <summary>
    /// The secret values this profile carries, to be masked wherever they appear: the refresh and access tokens
    /// and the passwords (or lone user parts) of its URLs.
    /// </summary>
    /// <returns>The values that are set, unescaped.</returns>
    public IEnumerable<string> SecretValues()
    {
        foreach (var value in new[] { RefreshToken, AccessToken, UrlPassword(BaseUrl), UrlPassword(OAuthUrl), UrlPassword(PriceDataUrl) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }
    }

    /// <summary>A one-line description with the tokens redacted.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        return "EffectiveProfile { " + string.Join(", ", ToRedactedPairs().Select(p => p.Key + " = " + (p.Value ?? "null"))) + " }";
    }

    private static string? UrlPassword(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return null;
        }

        var userInfo = Uri.UnescapeDataString(uri.UserInfo);
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? userInfo[(colon + 1)..] : userInfo;
    }
}
