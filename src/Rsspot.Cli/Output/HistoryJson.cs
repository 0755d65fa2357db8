using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.State;

namespace Rsspot.Cli.Output;

/// <summary>The JSON of <c>config history info|list|clear</c>.</summary>
internal static class HistoryJson
{
    /// <summary>How many commands are recorded, the time range, the database and its limit.</summary>
    public static JsonObject Info(HistoryInfo history) => new()
    {
        ["count"] = history.Count,
        ["oldest"] = history.Oldest?.ToString("O", CultureInfo.InvariantCulture),
        ["newest"] = history.Newest?.ToString("O", CultureInfo.InvariantCulture),
        ["database"] = history.DatabasePath,
        ["limit"] = history.Limit,
    };

    /// <summary>The recorded commands (arguments as recorded, that is redacted).</summary>
    public static JsonArray List(IEnumerable<HistoryEntry> entries) => new([.. entries.Select(e => (JsonNode)new JsonObject
    {
        ["id"] = e.Id,
        ["command"] = e.Command,
        ["args"] = new JsonArray([.. e.Args.Select(a => (JsonNode)a)]),
        ["exit_code"] = e.ExitCode,
        ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
        ["duration_ms"] = e.Duration is { } d ? (long)d.TotalMilliseconds : null,
    })]);

    /// <summary>How many commands <c>config history clear</c> removed.</summary>
    public static JsonObject Cleared(int removed) => new() { ["removed"] = removed };
}
