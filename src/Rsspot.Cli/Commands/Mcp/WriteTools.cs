using System.Text.Json.Nodes;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Tools that change the account. They exist only when the server runs with <c>--allow-writes</c>; a delete
/// also needs the resource's name repeated in <c>confirm</c>.
/// </summary>
internal static class WriteTools
{
    private const string ConfirmText = "Repeat the name here to confirm the delete; anything else refuses it.";

    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Write(
            "create_cloudspace",
            "Create a cloudspace (Kubernetes cluster) in a region; add node pools afterwards with create_spot_pool or create_on_demand_pool, then wait_for_cloudspace. Changes the account.",
            CloudspaceTools.NameSchema()
                .String("region", "Region, e.g. us-central-dfw-1 (see list_regions).", required: true)
                .String("kubernetes_version", "Kubernetes version, e.g. 1.31.1 (default: the API's).")
                .OneOf("cni", "Network plugin (default: the API's).", "calico", "cilium", "byocni")
                .Boolean("high_availability", "Highly available control plane."),
            async (call, ct) =>
            {
                var request = new CloudspaceCreateRequest(call.RequiredString("name"), call.RequiredString("region"))
                {
                    KubernetesVersion = call.String("kubernetes_version"),
                    Cni = call.String("cni"),
                    HighAvailability = call.Bool("high_availability"),
                };
                var created = await call.Client.Cloudspaces.CreateAsync(request, ct).ConfigureAwait(false);
                return ToolResults.One(CloudspaceSummary.From(created.Cloudspace), McpJson.Default.CloudspaceSummaryArray);
            }),
        McpTool.Write(
            "update_cloudspace",
            "Change a cloudspace's Kubernetes version or HA control plane. Changes the account.",
            CloudspaceTools.NameSchema()
                .String("kubernetes_version", "New Kubernetes version.")
                .Boolean("high_availability", "Highly available control plane."),
            async (call, ct) =>
            {
                var update = new CloudspaceUpdate { KubernetesVersion = call.String("kubernetes_version"), HighAvailability = call.Bool("high_availability") };
                var updated = await call.Client.Cloudspaces.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false);
                return ToolResults.One(CloudspaceSummary.From(updated), McpJson.Default.CloudspaceSummaryArray);
            }),
        Delete(
            "delete_cloudspace",
            "cloudspace",
            "Delete a cloudspace and everything on it. Cannot be undone: 'confirm' must repeat the name. Changes the account.",
            CloudspaceTools.NameSchema(),
            (client, name, ct) => client.Cloudspaces.DeleteAsync(name, ct)),
        McpTool.Write(
            "create_spot_pool",
            "Create a spot node pool in a cloudspace: a server class, a bid in USD per node-hour (see get_price and recommend_cluster) and a desired node count. Changes the account and costs money while nodes run.",
            new ToolSchema()
                .String("cloudspace", "The cloudspace to add the pool to.", required: true)
                .String("server_class", "Server class, e.g. gp.vs1.medium-dfw.", required: true)
                .Number("bid", "Bid in USD per node-hour, e.g. 0.08.", required: true, minimum: 0)
                .Integer("desired", "Desired node count (default 1).", minimum: 0, maximum: 1000)
                .Integer("min_nodes", "Autoscaling minimum (with max_nodes).", minimum: 0)
                .Integer("max_nodes", "Autoscaling maximum (with min_nodes).", minimum: 0),
            async (call, ct) =>
            {
                var request = new SpotNodePoolRequest(call.RequiredString("cloudspace"), call.RequiredString("server_class"), Bid(call))
                {
                    Desired = call.Int("desired", 0, 1000) ?? 1,
                    Autoscaling = Autoscaling(call),
                };
                return ToolResults.One(SpotNodePoolSummary.From(await call.Client.SpotNodePools.CreateAsync(request, ct).ConfigureAwait(false)), McpJson.Default.SpotNodePoolSummaryArray);
            }),
        McpTool.Write(
            "update_spot_pool",
            "Change a spot pool's desired nodes, bid or autoscaling range. Changes the account.",
            NodePoolTools.PoolNameSchema()
                .Integer("desired", "New desired node count.", minimum: 0, maximum: 1000)
                .Number("bid", "New bid in USD per node-hour.", minimum: 0)
                .Integer("min_nodes", "Autoscaling minimum (with max_nodes).", minimum: 0)
                .Integer("max_nodes", "Autoscaling maximum (with min_nodes).", minimum: 0),
            async (call, ct) =>
            {
                var update = new NodePoolUpdate { Desired = call.Int("desired", 0, 1000), BidPrice = call.Decimal("bid"), Autoscaling = Autoscaling(call) };
                return ToolResults.One(SpotNodePoolSummary.From(await call.Client.SpotNodePools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)), McpJson.Default.SpotNodePoolSummaryArray);
            }),
        McpTool.Write(
            "apply_bid",
            "Set a spot pool's bid (USD per node-hour), e.g. the bid recommend_cluster or get_price suggested. A bid below the market price can lose the pool's nodes. Changes the account.",
            NodePoolTools.PoolNameSchema().Number("bid", "The new bid in USD per node-hour, e.g. 0.08.", required: true, minimum: 0),
            async (call, ct) =>
            {
                var update = new NodePoolUpdate { BidPrice = Bid(call) };
                return ToolResults.One(SpotNodePoolSummary.From(await call.Client.SpotNodePools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)), McpJson.Default.SpotNodePoolSummaryArray);
            }),
        Delete(
            "delete_spot_pool",
            "spot pool",
            "Delete a spot node pool; its nodes go away. Cannot be undone: 'confirm' must repeat the pool name. Changes the account.",
            NodePoolTools.PoolNameSchema(),
            (client, name, ct) => client.SpotNodePools.DeleteAsync(name, ct)),
        McpTool.Write(
            "create_on_demand_pool",
            "Create an on-demand node pool (fixed price, never preempted) in a cloudspace. Changes the account and costs money while nodes run.",
            new ToolSchema()
                .String("cloudspace", "The cloudspace to add the pool to.", required: true)
                .String("server_class", "Server class, e.g. gp.vs1.medium-dfw.", required: true)
                .Integer("desired", "Desired node count (default 1).", minimum: 0, maximum: 1000),
            async (call, ct) =>
            {
                var request = new OnDemandNodePoolRequest(call.RequiredString("cloudspace"), call.RequiredString("server_class")) { Desired = call.Int("desired", 0, 1000) ?? 1 };
                return ToolResults.One(OnDemandNodePoolSummary.From(await call.Client.OnDemandNodePools.CreateAsync(request, ct).ConfigureAwait(false)), McpJson.Default.OnDemandNodePoolSummaryArray);
            }),
        McpTool.Write(
            "update_on_demand_pool",
            "Change an on-demand pool's desired node count. Changes the account.",
            NodePoolTools.PoolNameSchema().Integer("desired", "New desired node count.", required: true, minimum: 0, maximum: 1000),
            async (call, ct) =>
            {
                var update = new NodePoolUpdate { Desired = call.Int("desired", 0, 1000) ?? throw new ToolInputException("'desired' is required.") };
                return ToolResults.One(OnDemandNodePoolSummary.From(await call.Client.OnDemandNodePools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)), McpJson.Default.OnDemandNodePoolSummaryArray);
            }),
        Delete(
            "delete_on_demand_pool",
            "on-demand pool",
            "Delete an on-demand node pool; its nodes go away. Cannot be undone: 'confirm' must repeat the pool name. Changes the account.",
            NodePoolTools.PoolNameSchema(),
            (client, name, ct) => client.OnDemandNodePools.DeleteAsync(name, ct)),
    ];

    private static decimal Bid(ToolCall call) => call.Decimal("bid") ?? throw new ToolInputException("'bid' is required (USD per node-hour, e.g. 0.08).");

    private static AutoscalingRange? Autoscaling(ToolCall call) => (call.Int("min_nodes", 0), call.Int("max_nodes", 0)) switch
    {
        (null, null) => null,
        ({ } min, { } max) => new AutoscalingRange(min, max),
        _ => throw new ToolInputException("Give both 'min_nodes' and 'max_nodes' to set autoscaling."),
    };

    /// <summary>A delete tool: refused unless <c>confirm</c> repeats the name.</summary>
    private static McpTool Delete(string tool, string what, string description, ToolSchema schema, Func<SpotClient, string, CancellationToken, Task> delete) =>
        McpTool.Write(tool, description, schema.String("confirm", ConfirmText, required: true), async (call, ct) =>
        {
            var name = call.RequiredString("name");
            call.RequireConfirmation(what, name);
            await delete(call.Client, name, ct).ConfigureAwait(false);
            return new JsonObject { ["deleted"] = what, ["name"] = name };
        });
}
