using System.Text.Json.Nodes;
using Rsspot.State;

namespace Rsspot.Cli.Output;

/// <summary>The JSON of <c>config state repair</c>: where state.db is, what was moved aside, salvaged and lost.</summary>
internal static class StateJson
{
    public static JsonObject Repair(StateRepairResult result) => new()
    {
        ["path"] = result.Path,
        ["moved_aside"] = result.MovedAsidePath,
        ["salvaged"] = new JsonObject([.. result.Salvaged.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
        ["lost"] = new JsonArray([.. result.Lost.Select(t => (JsonNode)t)]),
    };
}
