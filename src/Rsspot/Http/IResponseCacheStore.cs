namespace Rsspot.Http;

/// <summary>A persistent store behind the in-memory front of the response cache (the sqlite <c>rsspot_http_cache</c>).</summary>
public interface IResponseCacheStore
{
    /// <summary>Returns the entry when present and not expired.</summary>
    CachedResponse? Get(string key, DateTimeOffset now);

    /// <summary>Stores an entry, keeping at most <paramref name="maxEntries"/>.</summary>
    void Put(string key, CachedResponse response, DateTimeOffset storedAt, int maxEntries);

    /// <summary>Removes every entry whose key starts with <paramref name="keyPrefix"/>.</summary>
    void InvalidatePrefix(string keyPrefix);
}
