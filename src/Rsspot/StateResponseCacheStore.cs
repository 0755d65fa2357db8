using Rsspot.Http;
using Rsspot.State;

namespace Rsspot;

/// <summary>
/// Adapts the sqlite <c>rsspot_http_cache</c> table to the cache handler. The store opens lazily on first use so a
/// client that never caches never touches state.db; a store that cannot be opened or fails (a damaged file, a
/// read-only folder) is skipped from then on, never fatal: the cache is optional.
/// A store handed in by the caller (<paramref name="ownsStore"/> false) is left open.
/// </summary>
internal sealed class StateResponseCacheStore(Func<StateStore?> open, bool ownsStore, Func<IEnumerable<string?>>? knownSecrets = null) : IResponseCacheStore, IDisposable
{
    private readonly Lazy<StateStore?> _store = new(() => TryOpen(open), LazyThreadSafetyMode.ExecutionAndPublication);

    private volatile bool _failed;

    public StateStore? Store => _failed ? null : _store.Value;

    public CachedResponse? Get(string key, DateTimeOffset now) => Guard(store =>
        store.HttpCache.TryGet(key, now, out var entry)
            ? new CachedResponse(entry.StatusCode, entry.ContentType, entry.Body, entry.ExpiresAt)
            : null);

    // A body with credential fields, or with a secret the client holds anywhere in it (a token in a label, a URL
    // password), stays in the process's memory tier only: the file is shared and long-lived.
    public void Put(string key, CachedResponse response, DateTimeOffset storedAt, int maxEntries) => Guard(store =>
    {
        if (SecretFields.Present(response.Body) || SecretValuesInBody.Present(response.Body, knownSecrets?.Invoke() ?? []))
        {
            return null;
        }

        store.HttpCache.Put(new HttpCacheEntry(key, response.StatusCode, response.ContentType, response.Body, storedAt, response.ExpiresAt), maxEntries);
        return (CachedResponse?)null;
    });

    public void InvalidatePrefix(string keyPrefix) => Guard(store =>
    {
        store.HttpCache.InvalidatePrefix(keyPrefix);
        return (CachedResponse?)null;
    });

    public void Dispose()
    {
        if (ownsStore && _store.IsValueCreated)
        {
            _store.Value?.Dispose();
        }
    }

    private CachedResponse? Guard(Func<StateStore, CachedResponse?> use)
    {
        if (Store is not { } store)
        {
            return null;
        }

        try
        {
            return use(store);
        }
        catch (StateStoreException)
        {
            _failed = true; // the store keeps the fault for whoever reports it
            return null;
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
