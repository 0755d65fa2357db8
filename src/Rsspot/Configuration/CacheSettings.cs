namespace Rsspot.Configuration;

/// <summary>Resolved response cache policy.</summary>
/// <param name="Enabled">Whether GET responses are cached.</param>
/// <param name="DefaultTtl">TTL for paths without a specific entry.</param>
/// <param name="MaxEntries">Entry bound.</param>
/// <param name="Backend">Where entries live.</param>
/// <param name="TtlDefaults">TTL by <c>METHOD:/path</c> (exact) or <c>METHOD:/prefix*</c> key.</param>
public sealed record CacheSettings(bool Enabled, TimeSpan DefaultTtl, int MaxEntries, CacheBackend Backend, IReadOnlyDictionary<string, TimeSpan> TtlDefaults)
{
    /// <summary>The built-in per-path TTLs (seconds) of the Python rsspot.</summary>
    public static IReadOnlyDictionary<string, double> BuiltInTtlSeconds { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["GET:/apis/auth.ngpc.rxt.io/v1/organizations"] = 10,
        ["GET:/apis/ngpc.rxt.io/v1/regions"] = 20,
        ["GET:/apis/ngpc.rxt.io/v1/namespaces/*"] = 5,
        ["GET:/apis/metrics.ngpc.rxt.io/v1/events/organizations"] = 5,
    };

    /// <summary>Enabled, 5 s default TTL, 1000 entries, sqlite, the built-in per-path TTLs.</summary>
    public static CacheSettings Default { get; } = new(
        true,
        TimeSpan.FromSeconds(5),
        1000,
        CacheBackend.Sqlite,
        BuiltInTtlSeconds.ToDictionary(p => p.Key, p => TimeSpan.FromSeconds(p.Value), StringComparer.Ordinal));

    /// <summary>
    /// The TTL for a request: the exact <c>METHOD:path</c> key first, then the longest matching
    /// <c>METHOD:prefix*</c> key, otherwise <see cref="DefaultTtl"/>. The method is compared case-insensitively;
    /// <paramref name="path"/> should not include the query string.
    /// </summary>
    /// <param name="method">HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="path">Request path, e.g. <c>/apis/ngpc.rxt.io/v1/regions</c>.</param>
    /// <returns>The TTL to apply.</returns>
    public TimeSpan TtlFor(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        string key = method.ToUpperInvariant() + ":" + path;
        if (TtlDefaults.TryGetValue(key, out TimeSpan exact))
        {
            return exact;
        }

        TimeSpan? best = null;
        int bestLength = -1;
        foreach ((string pattern, TimeSpan ttl) in TtlDefaults)
        {
            if (!pattern.EndsWith('*'))
            {
                continue;
            }

            string prefix = pattern[..^1];
            if (prefix.Length > bestLength && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = ttl;
                bestLength = prefix.Length;
            }
        }

        return best ?? DefaultTtl;
    }
}
