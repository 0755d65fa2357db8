using System.Text.Json.Nodes;
using Rsspot.Apply;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Clusters as code over MCP: <c>plan_cloudspaces</c> (read-only, what <c>rsspot diff</c> shows) and
/// <c>apply_cloudspaces</c> (a write tool, only with <c>--allow-writes</c>, whose <c>confirm</c> must repeat the
/// cloudspace names). The spec is the text of a clusters-as-code file, checked against the cloudspace spec schema.
/// </summary>
internal static class ApplyTools
{
    /// <summary>The longest spec a tool takes, in characters.</summary>
    public const int MaxSpec = 64 * 1024;

    private const string SpecText = "The clusters-as-code file as YAML or JSON text: one cloudspace per YAML document (name, region, kubernetesVersion, spotNodePools with key, serverClass, bidPrice (USD per node-hour, or 'guard'), desired; onDemandNodePools with key, serverClass, desired). Pools are matched by 'key'.";

    public static IEnumerable<McpTool> Read() =>
    [
        McpTool.Read(
            "plan_cloudspaces",
            "Show what apply_cloudspaces would change to make cloudspaces and their pools match a spec: creates, each changed field of updates (also bids changed outside the spec), deletes of keyed pools the spec no longer lists (prune), and fixed fields that need a replace. Changes nothing.",
            new ToolSchema().Text("spec", SpecText, MaxSpec, required: true).Boolean("prune", "Also plan deleting keyed pools the spec no longer lists."),
            Schema(),
            async (call, ct) =>
            {
                var plan = await call.Client.Apply.PlanAsync(Specs(call), new ApplyOptions { Prune = call.Bool("prune") ?? false }, ct).ConfigureAwait(false);
                return Result(plan, applied: 0);
            }),
    ];

    public static IEnumerable<McpTool> Write() =>
    [
        McpTool.Write(
            "apply_cloudspaces",
            ToolEffect.Change,
            "Make cloudspaces and their pools match a spec (see plan_cloudspaces first): creates what is missing, merge-patches changed fields, deletes keyed pools the spec no longer lists when prune is true. Refused when a fixed field (region, server class, deployment type) differs unless replace is true. Bids above a class's on-demand price are refused. 'confirm' must repeat the spec's cloudspace names, comma-separated in the spec's order. Changes the account and costs money while nodes run.",
            new ToolSchema()
                .Text("spec", SpecText, MaxSpec, required: true)
                .Boolean("prune", "Also delete keyed pools the spec no longer lists.")
                .Boolean("replace", "Allow deleting and creating again what has a fixed field changed (its nodes go away).")
                .String("confirm", "The spec's cloudspace names, comma-separated in its order (e.g. \"demo,batch\"); anything else refuses the call.", required: true),
            Schema(),
            async (call, ct) =>
            {
                var specs = Specs(call);
                var names = string.Join(",", specs.Select(s => s.Name));
                var confirm = string.Join(",", call.RequiredString("confirm").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                if (!string.Equals(confirm, names, StringComparison.Ordinal))
                {
                    throw new ToolInputException($"{ArgumentCheck.Prefix}applying changes cloudspaces {names}: repeat their names in 'confirm' (confirm: \"{names}\") to apply.");
                }

                var options = new ApplyOptions { Prune = call.Bool("prune") ?? false, Replace = call.Bool("replace") ?? false };
                var plan = await call.Client.Apply.PlanAsync(specs, options, ct).ConfigureAwait(false);
                var result = await call.Client.Apply.ApplyAsync(plan, new ChangeReport(call.Progress), ct).ConfigureAwait(false);
                return Result(plan, result.Applied.Count);
            }),
    ];

    private static IReadOnlyList<CloudspaceSpec> Specs(ToolCall call)
    {
        try
        {
            return ClusterSpecFile.FromText(call.RequiredString("spec"), "spec", "'spec'", call.Client.Profile.Region);
        }
        catch (Infrastructure.CliUsageException ex)
        {
            throw new ToolInputException(ArgumentCheck.Prefix + ex.Message);
        }
    }

    private static JsonObject Result(ApplyPlan plan, int applied)
    {
        var json = PlanJson.Of(plan, []);
        json["applied"] = applied;
        json["plan"] = plan.ToString();
        return json;
    }

    private static JsonObject Schema()
    {
        var field = Object(("field", String()), ("before", NullableString()), ("after", String()));
        var change = Object(
            ("action", String()),
            ("kind", String()),
            ("cloudspace", String()),
            ("key", NullableString()),
            ("name", NullableString()),
            ("reason", NullableString()),
            ("fields", Array(field)));
        return Object(
            ("cloudspaces", Array(String())),
            ("changes", Array(change)),
            ("summary", Object(("create", Integer()), ("update", Integer()), ("delete", Integer()), ("replace", Integer()))),
            ("applied", Integer()),
            ("plan", String()));
    }

    private sealed class ChangeReport(IProgress<string> progress) : IProgress<ApplyChange>
    {
        public void Report(ApplyChange value) => progress.Report("done: " + value.Headline());
    }
}
