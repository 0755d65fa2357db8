using System.Collections.Concurrent;

namespace Rsspot.Emulator.Diagnostics;

/// <summary>The request log (bounded, oldest dropped first) and the per "METHOD path" counters.</summary>
internal sealed class RequestJournal
{
    public const int Capacity = 10_000;
    private readonly Lock _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Record(RequestLogEntry entry)
    {
        _counts.AddOrUpdate(entry.Key, 1, (_, n) => n + 1);
        lock (_gate)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> Entries()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public IReadOnlyDictionary<string, int> Counts() =>
        new SortedDictionary<string, int>(_counts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public int Count(string key) => _counts.GetValueOrDefault(key);

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _counts.Clear();
        }
    }
}
