namespace Rsspot.Http;

/// <summary>Per-request switches understood by the rsspot handlers.</summary>
public static class SpotRequestOptions
{
    /// <summary>Set to true to skip the response cache for one request.</summary>
    public static readonly HttpRequestOptionsKey<bool> BypassCache = new("rsspot.bypass-cache");

    /// <summary>Set to true to send a request without a bearer token.</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("rsspot.anonymous");

    /// <summary>How many times the retry handler has sent this request before (0 on the first attempt).</summary>
    internal static readonly HttpRequestOptionsKey<int> ResendCount = new("rsspot.resend-count");

    internal static bool IsSet(this HttpRequestMessage request, HttpRequestOptionsKey<bool> key) =>
        (request.Options.TryGetValue(key, out var value) && value)
        || (key.Key == BypassCache.Key && request.Options.TryGetValue(BypassCacheOption.Key, out _));
}
