using System.Globalization;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.State;

/// <summary>Organization events by namespace, newest last; the events endpoint serves them newest first.</summary>
internal sealed class EventLog
{
    private const int MaxPerNamespace = 1000;
    private readonly Dictionary<string, List<(DateTimeOffset Time, string Message)>> _events = new(StringComparer.Ordinal);

    public void Record(string ns, DateTimeOffset time, string message)
    {
        if (!_events.TryGetValue(ns, out var list))
        {
            _events[ns] = list = [];
        }

        list.Add((time, message));
        if (list.Count > MaxPerNamespace)
        {
            list.RemoveAt(0);
        }
    }

    public IReadOnlyList<(DateTimeOffset Time, string Message)> Latest(string ns, int limit) =>
        _events.TryGetValue(ns, out var list) ? list.AsEnumerable().Reverse().Take(limit).ToList() : [];

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (ns, list) in _events)
        {
            json[ns] = new JsonArray(list.Select(e => (JsonNode)new JsonArray(Format(e.Time), e.Message)).ToArray());
        }

        return json;
    }

    public void Load(JsonObject json)
    {
        _events.Clear();
        foreach (var (ns, node) in json)
        {
            var list = new List<(DateTimeOffset, string)>();
            foreach (var pair in node?.AsArray() ?? [])
            {
                list.Add((DateTimeOffset.Parse(pair![0]!.GetValue<string>(), CultureInfo.InvariantCulture), pair[1]!.GetValue<string>()));
            }

            _events[ns] = list;
        }
    }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
