using System.Text;
using Rsspot.State;

namespace Rsspot.Tests.State;

public sealed class HttpCacheTableTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly StateStore _store = StateStore.OpenInMemory();

    public void Dispose()
    {
        _store.Dispose();
    }

    private static HttpCacheEntry Entry(string key, DateTimeOffset storedAt, TimeSpan ttl, string body = "{}")
    {
        return new HttpCacheEntry(key, 200, "application/json", Encoding.UTF8.GetBytes(body), storedAt, storedAt + ttl);
    }

    [Fact]
    public void A_stored_entry_is_returned_until_it_expires_then_deleted()
    {
        _store.HttpCache.Put(Entry("GET:/a", T0, TimeSpan.FromSeconds(5), "{\"x\":1}"), 100);

        Assert.True(_store.HttpCache.TryGet("GET:/a", T0.AddSeconds(4), out HttpCacheEntry? hit));
        Assert.Equal(200, hit.StatusCode);
        Assert.Equal("application/json", hit.ContentType);
        Assert.Equal("{\"x\":1}", Encoding.UTF8.GetString(hit.Body));
        Assert.Equal(T0, hit.StoredAt);
        Assert.Equal(T0.AddSeconds(5), hit.ExpiresAt);

        Assert.False(_store.HttpCache.TryGet("GET:/a", T0.AddSeconds(5), out HttpCacheEntry? expired));
        Assert.Null(expired);
        Assert.Equal(0, _store.HttpCache.Count());
    }

    [Fact]
    public void Put_replaces_an_existing_key()
    {
        _store.HttpCache.Put(Entry("k", T0, TimeSpan.FromSeconds(5), "old"), 100);
        _store.HttpCache.Put(Entry("k", T0.AddSeconds(1), TimeSpan.FromSeconds(5), "new"), 100);

        Assert.True(_store.HttpCache.TryGet("k", T0.AddSeconds(2), out HttpCacheEntry? hit));
        Assert.Equal("new", Encoding.UTF8.GetString(hit.Body));
        Assert.Equal(1, _store.HttpCache.Count());
    }

    [Fact]
    public void Put_prunes_the_oldest_entries_beyond_max_entries()
    {
        for (int i = 0; i < 5; i++)
        {
            _store.HttpCache.Put(Entry("k" + i, T0.AddSeconds(i), TimeSpan.FromHours(1)), 3);
        }

        Assert.Equal(3, _store.HttpCache.Count());
        Assert.False(_store.HttpCache.TryGet("k0", T0, out _));
        Assert.False(_store.HttpCache.TryGet("k1", T0, out _));
        Assert.True(_store.HttpCache.TryGet("k4", T0, out _));
    }

    [Fact]
    public void Invalidate_prefix_treats_like_wildcards_literally()
    {
        _store.HttpCache.Put(Entry("p1|GET:/apis/ngpc.rxt.io/v1/namespaces/org_1/cloudspaces", T0, TimeSpan.FromHours(1)), 100);
        _store.HttpCache.Put(Entry("p1|GET:/apis/ngpc.rxt.io/v1/namespaces/orgX1/cloudspaces", T0, TimeSpan.FromHours(1)), 100);
        _store.HttpCache.Put(Entry("p1|GET:/apis/ngpc.rxt.io/v1/regions", T0, TimeSpan.FromHours(1)), 100);
        _store.HttpCache.Put(Entry("p1|GET:/apis/%/v1", T0, TimeSpan.FromHours(1)), 100);

        Assert.Equal(1, _store.HttpCache.InvalidatePrefix("p1|GET:/apis/ngpc.rxt.io/v1/namespaces/org_1/"));
        Assert.Equal(0, _store.HttpCache.InvalidatePrefix("p1|GET:/apis/ngpc.rxt.io/v1/namespaces/%"));
        Assert.Equal(3, _store.HttpCache.Count());
        Assert.Equal(2, _store.HttpCache.InvalidatePrefix("p1|GET:/apis/ngpc"));
        Assert.True(_store.HttpCache.TryGet("p1|GET:/apis/%/v1", T0, out _));
    }

    [Fact]
    public void Clear_empties_the_table()
    {
        _store.HttpCache.Put(Entry("a", T0, TimeSpan.FromHours(1)), 100);
        _store.HttpCache.Put(Entry("b", T0, TimeSpan.FromHours(1)), 100);

        _store.HttpCache.Clear();

        Assert.Equal(0, _store.HttpCache.Count());
    }
}
