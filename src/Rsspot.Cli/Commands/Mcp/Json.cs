using System.Text.Json.Nodes;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Values of tool results: decimals without trailing zeros, times in ISO 8601 UTC.</summary>
internal static class Json
{
    public static JsonNode? Number(decimal? value) => JsonValues.Tools.Number(value);

    public static JsonNode? Time(DateTimeOffset? value) => value is { } t ? JsonValue.Create(JsonValues.Tools.Time(t)) : null;

    /// <summary>A list of small objects as <c>total</c> and <c>items</c>.</summary>
    public static JsonObject List(IEnumerable<JsonObject> items)
    {
        var array = new JsonArray([.. items]);
        return new JsonObject { ["total"] = array.Count, ["items"] = array };
    }
}
