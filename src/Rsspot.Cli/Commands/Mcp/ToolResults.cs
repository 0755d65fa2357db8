using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Shapes tool results for a model's context: lists in pages that say what was left out, credentials masked, and
/// the text form as compact JSON with ordinary escaping (UTF-8 kept; <c>+</c>, <c>&lt;</c> and quotes as written).
/// </summary>
internal static class ToolResults
{
    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 200;

    /// <summary>Past this many characters the text form is cut (with a note); pages keep ordinary results well below it.</summary>
    public const int MaxTextLength = 60_000;

    private static readonly JsonSerializerOptions Compact = new(McpJson.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>The page of <paramref name="items"/> the call asks for (<c>offset</c>, <c>limit</c>), with totals and where the next page starts.</summary>
    public static JsonObject Page(ToolCall call, IEnumerable<JsonObject> items, string what)
    {
        var all = items.ToList();
        var offset = Math.Min(call.Int("offset") ?? 0, all.Count);
        var limit = call.Int("limit") ?? DefaultPageSize;
        var page = all.Skip(offset).Take(limit).ToArray();
        var returned = page.Length;
        var more = offset + returned < all.Count;
        return new JsonObject
        {
            ["total"] = all.Count,
            ["offset"] = offset,
            ["returned"] = returned,
            ["items"] = new JsonArray([.. page]),
            ["next_offset"] = more ? offset + returned : null,
            ["note"] = more ? $"{all.Count - offset - returned} more {what} not shown; call again with offset={offset + returned}, or narrow with filters." : null,
        };
    }

    /// <summary>The result with every credential masked (what both the structured and the text form carry).</summary>
    public static JsonObject Redacted(JsonObject result) => (OutputRedaction.Redact(result) as JsonObject) ?? result;

    /// <summary>The text form: compact JSON, cut with a note past <see cref="MaxTextLength"/>.</summary>
    public static string ToText(JsonObject result)
    {
        var text = result.ToJsonString(Compact);
        return text.Length <= MaxTextLength
            ? text
            : text[..MaxTextLength] + $"\n[truncated: the result has {text.Length} characters; ask for less with offset/limit or filters]";
    }
}
