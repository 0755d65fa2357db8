using System.Text.Json.Nodes;
using Rsspot.Apply;

namespace Rsspot.Cli.Output;

/// <summary>The JSON of an apply plan and of what was applied (<c>rsspot apply|diff|delete -f -o json</c>).</summary>
internal static class PlanJson
{
    public static JsonObject Of(ApplyPlan plan, IReadOnlyList<ApplyChange>? applied = null)
    {
        var json = new JsonObject
        {
            ["cloudspaces"] = new JsonArray([.. plan.Cloudspaces.Select(c => (JsonNode)c)]),
            ["changes"] = new JsonArray([.. plan.Changes.Select(Change)]),
            ["summary"] = new JsonObject
            {
                ["create"] = plan.Count(ApplyAction.Create),
                ["update"] = plan.Count(ApplyAction.Update),
                ["delete"] = plan.Count(ApplyAction.Delete),
                ["replace"] = plan.Count(ApplyAction.Replace),
            },
        };
        if (applied is not null)
        {
            json["applied"] = applied.Count;
        }

        return json;
    }

    private static JsonNode Change(ApplyChange change) => new JsonObject
    {
        ["action"] = change.Action.ToString().ToLowerInvariant(),
        ["kind"] = change.Target switch
        {
            ApplyTarget.Cloudspace => "cloudspace",
            ApplyTarget.SpotPool => "spot_pool",
            _ => "on_demand_pool",
        },
        ["cloudspace"] = change.Cloudspace,
        ["key"] = change.Key,
        ["name"] = change.Name,
        ["reason"] = change.Reason,
        ["fields"] = new JsonArray([.. change.Fields.Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["before"] = f.Before, ["after"] = f.After })]),
    };
}
