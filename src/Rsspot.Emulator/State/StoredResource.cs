using System.Globalization;
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

    /// <summary>True for the sandbox's seeded VM objects, whose servers come only from the admin endpoint.</summary>
    public bool Seeded { get; init; }

    public string Uid => Body["metadata"]?["uid"]?.GetValue<string>() ?? string.Empty;

    public JsonObject Spec => Body["spec"] as JsonObject ?? [];

    /// <summary>The time after which a deleted object is gone (<c>metadata.deletionTimestamp</c>), or null.</summary>
    public DateTimeOffset? DeletionTimestamp =>
        Body["metadata"]?["deletionTimestamp"] is JsonValue v && v.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>True between a delete (with a grace period) and the object's removal.</summary>
    public bool IsTerminating => Body["metadata"]?["deletionTimestamp"] is not null;

    public string? SpecString(string field) => Spec[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
