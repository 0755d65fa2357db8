using System.Globalization;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.State;

/// <summary>
/// Every stored object and event, guarded by one lock. Callers hold <see cref="Gate"/> for a whole
/// operation (read, check, write) and call <see cref="Commit"/> after a change, which writes the data file.
/// </summary>
internal sealed class EmulatorState
{
    private const int FormatVersion = 1;
    private readonly Dictionary<(string Plural, string Namespace, string Name), StoredResource> _resources = [];
    private readonly StateFile? _file;
    private long _resourceVersion = 1000;

    public EmulatorState(StateFile? file)
    {
        _file = file;
        if (file?.Load() is { } saved)
        {
            Load(saved);
            WasLoaded = true;
        }
    }

    public Lock Gate { get; } = new();

    public EventLog Events { get; } = new();

    /// <summary>True when the state came from the data file rather than from the seed.</summary>
    public bool WasLoaded { get; }

    public string NextResourceVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    public string CurrentResourceVersion => _resourceVersion.ToString(CultureInfo.InvariantCulture);

    public StoredResource? Find(ResourceKind kind, string ns, string name) =>
        _resources.GetValueOrDefault((kind.Plural, ns, name));

    public IReadOnlyList<StoredResource> List(ResourceKind kind, string ns) =>
        _resources.Values.Where(r => r.Kind == kind && r.Namespace == ns).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    public void Add(StoredResource resource) => _resources[(resource.Kind.Plural, resource.Namespace, resource.Name)] = resource;

    public bool Remove(StoredResource resource) => _resources.Remove((resource.Kind.Plural, resource.Namespace, resource.Name));

    /// <summary>Writes the data file, when there is one. Call with <see cref="Gate"/> held.</summary>
    public void Commit() => _file?.Save(Snapshot());

    private JsonObject Snapshot()
    {
        var resources = new JsonArray();
        foreach (var r in _resources.Values.OrderBy(r => r.Kind.Plural, StringComparer.Ordinal).ThenBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            var item = new JsonObject
            {
                ["plural"] = r.Kind.Plural,
                ["namespace"] = r.Namespace,
                ["name"] = r.Name,
                ["createdAt"] = r.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                ["object"] = r.Body.DeepClone(),
            };
            if (r.Seeded)
            {
                item["seeded"] = true;
            }

            resources.Add(item);
        }

        return new JsonObject
        {
            ["version"] = FormatVersion,
            ["resourceVersion"] = _resourceVersion,
            ["resources"] = resources,
            ["events"] = Events.ToJson(),
        };
    }

    private void Load(JsonObject saved)
    {
        _resourceVersion = saved["resourceVersion"]?.GetValue<long>() ?? _resourceVersion;
        foreach (var item in saved["resources"]?.AsArray() ?? [])
        {
            var kind = ResourceKind.FromPlural(item!["plural"]!.GetValue<string>())
                ?? throw new InvalidDataException("Unknown resource type in the emulator data file: " + item["plural"]);
            Add(new StoredResource(
                kind,
                item["namespace"]!.GetValue<string>(),
                item["name"]!.GetValue<string>(),
                DateTimeOffset.Parse(item["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                item["object"]!.AsObject().DeepClone().AsObject())
            {
                Seeded = item["seeded"]?.GetValue<bool>() == true,
            });
        }

        if (saved["events"] is JsonObject events)
        {
            Events.Load(events);
        }
    }
}
