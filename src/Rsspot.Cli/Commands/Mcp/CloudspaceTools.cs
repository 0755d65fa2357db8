using System.Text.Json.Nodes;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for cloudspaces (clusters): list, get with its pools, wait until Ready.</summary>
internal static class CloudspaceTools
{
    private const int DefaultWaitSeconds = 120;
    private const int MaxWaitSeconds = 900;

    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_cloudspaces",
            "List the cloudspaces (Kubernetes clusters) of the organization: name, region, phase, Kubernetes version, HA control plane, created at. Use it to find a cloudspace's name or see which are Ready.",
            new ToolSchema().String("label_selector", "Kubernetes label selector, e.g. env=prod.").Paged(),
            async (call, ct) => ToolResults.Page(call, await call.Client.Cloudspaces.ListSummariesAsync(call.String("label_selector"), ct).ConfigureAwait(false), McpJson.Default.CloudspaceSummaryArray, "cloudspaces")),
        McpTool.Read(
            "get_cloudspace",
            "One cloudspace with its spot pools (class, desired nodes, bid, won nodes) and on-demand pools. Never returns the kubeconfig. Use it to inspect a cluster before changing its pools or bids.",
            NameSchema(),
            async (call, ct) =>
            {
                var name = call.RequiredString("name");
                var cloudspace = await call.Client.Cloudspaces.GetAsync(name, ct).ConfigureAwait(false);
                var json = ToolResults.One(CloudspaceSummary.From(cloudspace), McpJson.Default.CloudspaceSummaryArray)!.AsObject();
                json["spot_pools"] = ToolResults.All(await call.Client.SpotNodePools.ListSummariesAsync(name, ct).ConfigureAwait(false), McpJson.Default.SpotNodePoolSummaryArray);
                json["on_demand_pools"] = ToolResults.All(await call.Client.OnDemandNodePools.ListSummariesAsync(name, ct).ConfigureAwait(false), McpJson.Default.OnDemandNodePoolSummaryArray);
                return json;
            }),
        McpTool.Read(
            "wait_for_cloudspace",
            $"Wait until a cloudspace is Ready (polling, up to timeout_seconds, default {DefaultWaitSeconds}) and return its status. Use it after creating a cloudspace; a timeout is an error that names the phase it is still in.",
            NameSchema().Integer("timeout_seconds", $"Give up after this many seconds (default {DefaultWaitSeconds}, max {MaxWaitSeconds}).", minimum: 1, maximum: MaxWaitSeconds),
            async (call, ct) =>
            {
                var timeout = TimeSpan.FromSeconds(call.Int("timeout_seconds", 1, MaxWaitSeconds) ?? DefaultWaitSeconds);
                var ready = await call.Client.Cloudspaces.WaitUntilReadyAsync(call.RequiredString("name"), timeout, cancellationToken: ct).ConfigureAwait(false);
                return ToolResults.One(CloudspaceSummary.From(ready), McpJson.Default.CloudspaceSummaryArray);
            }),
    ];

    internal static ToolSchema NameSchema() => new ToolSchema().String("name", "Cloudspace name.", required: true);
}
