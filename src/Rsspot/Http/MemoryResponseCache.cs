namespace Rsspot.Http;

/// <summary>A bounded least-recently-used map of cached responses that honours each entry's expiry.</summary>
internal sealed class MemoryResponseCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedResponse Value)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedResponse Value)> _order = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    public CachedResponse? Get(string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node.Value.Value.ExpiresAt <= now)
            {
                Remove(node);
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Value;
        }
    }

    public void Put(string key, CachedResponse value)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_index.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            _index[key] = _order.AddFirst((key, value));
            while (_index.Count > capacity && _order.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    public void InvalidatePrefix(string prefix)
    {
        lock (_gate)
        {
            foreach (var key in _index.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                Remove(_index[key]);
            }
        }
    }

    private void Remove(LinkedListNode<(string Key, CachedResponse Value)> node)
    {
        _order.Remove(node);
        _index.Remove(node.Value.Key);
    }
}
