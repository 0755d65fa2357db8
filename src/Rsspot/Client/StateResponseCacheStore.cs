using Rsspot.Http;
using Rsspot.State;

namespace Rsspot;

/// <summary>
/// Adapts the sqlite <c>http_cache</c> table to the cache handler. The store opens lazily on first use so a
/// client that never caches never touches state.db; a store that cannot be opened is skipped, never fatal.
/// A store handed in by the caller (<paramref name="ownsStore"/> false) is left open.
/// </summary>
internal sealed class StateResponseCacheStore(Func<StateStore?> open, bool ownsStore) : IResponseCacheStore, IDisposable
{
    private readonly Lazy<StateStore?> _store = new(() => TryOpen(open), LazyThreadSafetyMode.ExecutionAndPublication);

    public StateStore? Store => _store.Value;

    public CachedResponse? Get(string key, DateTimeOffset now) =>
        Store?.HttpCache.TryGet(key, now, out var entry) == true
            ? new CachedResponse(entry.StatusCode, entry.ContentType, entry.Body, entry.ExpiresAt)
            : null;

    public void Put(string key, CachedResponse response, DateTimeOffset storedAt, int maxEntries) =>
        Store?.HttpCache.Put(new HttpCacheEntry(key, response.StatusCode, response.ContentType, response.Body, storedAt, response.ExpiresAt), maxEntries);

    public void InvalidatePrefix(string keyPrefix) => Store?.HttpCache.InvalidatePrefix(keyPrefix);

    public void Dispose()
    {
        if (ownsStore && _store.IsValueCreated)
        {
            _store.Value?.Dispose();
        }
    }

    private static StateStore? TryOpen(Func<StateStore?> open)
    {
        try
        {
            return open();
        }
        catch (StateStoreException)
        {
            return null;
        }
    }
}
