using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Shapes tool results for a model's context: lists in pages that say what was left out, credentials masked, a size cap.</summary>
internal static class ToolResults
{
    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 200;

    /// <summary>Past this many characters a result is cut (with a note); pages keep ordinary results well below it.</summary>
    public const int MaxTextLength = 60_000;

    private static readonly JsonSerializerOptions Compact = new(McpJson.Default.Options) { WriteIndented = false };

    /// <summary>The page of <paramref name="items"/> the call asks for (<c>offset</c>, <c>limit</c>), with totals and a note when more remain.</summary>
    public static JsonObject Page<T>(ToolCall call, IReadOnlyList<T> items, JsonTypeInfo<T[]> type, string what)
    {
        var offset = call.Int("offset", 0) ?? 0;
        var limit = call.Int("limit", 1, MaxPageSize) ?? DefaultPageSize;
        var page = items.Skip(offset).Take(limit).ToArray();
        return Page(JsonSerializer.SerializeToNode(page, type)!, items.Count, offset, page.Length, what);
    }

    /// <summary>A page of JSON items already built.</summary>
    public static JsonObject Page(ToolCall call, IReadOnlyList<JsonNode> items, string what)
    {
        var offset = call.Int("offset", 0) ?? 0;
        var limit = call.Int("limit", 1, MaxPageSize) ?? DefaultPageSize;
        var page = items.Skip(offset).Take(limit).Select(i => i.DeepClone()).ToArray();
        return Page(new JsonArray(page), items.Count, offset, page.Length, what);
    }

    /// <summary>A whole list (small by nature, e.g. regions) in the same shape as a page.</summary>
    public static JsonObject All<T>(IReadOnlyList<T> items, JsonTypeInfo<T[]> type) =>
        new() { ["total"] = items.Count, ["items"] = JsonSerializer.SerializeToNode(items.ToArray(), type) };

    public static JsonNode? One<T>(T item, JsonTypeInfo<T[]> type) => JsonSerializer.SerializeToNode([item], type)![0]?.DeepClone();

    /// <summary>The text sent to the client: credentials masked, compact JSON, cut with a note past <see cref="MaxTextLength"/>.</summary>
    public static string ToText(JsonNode? result)
    {
        var text = OutputRedaction.Redact(result)?.ToJsonString(Compact) ?? "null";
        return text.Length <= MaxTextLength
            ? text
            : text[..MaxTextLength] + $"\n[truncated: the result has {text.Length} characters; ask for less with offset/limit or filters]";
    }

    private static JsonObject Page(JsonNode items, int total, int offset, int returned, string what)
    {
        var page = new JsonObject { ["total"] = total, ["offset"] = offset, ["returned"] = returned, ["items"] = items };
        if (offset + returned < total)
        {
            page["next_offset"] = offset + returned;
            page["note"] = $"{total - offset - returned} more {what} not shown; call again with offset={offset + returned}, or narrow with filters.";
        }

        return page;
    }
}
