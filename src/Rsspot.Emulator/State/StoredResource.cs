using System.Text.Json.Nodes;

namespace Rsspot.Emulator.State;

/// <summary>One stored object: the JSON as the client sent it plus the server's fields.</summary>
internal sealed class StoredResource(ResourceKind kind, string ns, string name, DateTimeOffset createdAt, JsonObject body)
{
    public ResourceKind Kind { get; } = kind;

    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public JsonObject Body { get; set; } = body;

    public string Uid => Body["metadata"]?["uid"]?.GetValue<string>() ?? string.Empty;

    public JsonObject Spec => Body["spec"] as JsonObject ?? [];

    public string? SpecString(string field) => Spec[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
