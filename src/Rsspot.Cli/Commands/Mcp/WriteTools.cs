using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Tools that change the account. They exist only when the server runs with <c>--allow-writes</c>; a delete
/// also needs the resource's name repeated in <c>confirm</c>. Bids go through the SDK's writes, which check them
/// against the bid ceiling like every other writer.
/// </summary>
internal static class WriteTools
{
    /// <summary>The highest bid any tool takes, USD per node-hour (far above any class's on-demand price).</summary>
    public const decimal MaxBid = 100m;

    /// <summary>The most nodes a pool tool takes; the class's capacity (list_server_classes) is usually lower.</summary>
    public const int MaxPoolNodes = 1000;

    private const string ConfirmText = "Repeat the name here to confirm the delete; anything else refuses it.";
    private const string VersionPattern = "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$";
    private const string NodesNote = " At most the server class's capacity (list_server_classes shows it).";

    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Write(
            "create_cloudspace",
            ToolEffect.Create,
            "Create a cloudspace (Kubernetes cluster) in a region; add node pools afterwards with create_spot_pool or create_on_demand_pool, then wait_for_cloudspace. Changes the account.",
            CloudspaceTools.NameSchema()
                .String("region", "Region, e.g. us-central-dfw-1 (see list_regions).", required: true)
                .String("kubernetes_version", "Kubernetes version, e.g. 1.31.1 (default: the API's).", pattern: VersionPattern)
                .OneOf("cni", "Network plugin (default: the API's).", "calico", "cilium", "byocni")
                .Boolean("high_availability", "Highly available control plane."),
            CloudspaceResults.Schema(),
            async (call, ct) =>
            {
                var request = new CloudspaceCreateRequest(call.RequiredString("name"), call.RequiredString("region"))
                {
                    KubernetesVersion = call.String("kubernetes_version"),
                    Cni = call.String("cni"),
                    HighAvailability = call.Bool("high_availability"),
                };
                var created = await call.Client.Cloudspaces.CreateAsync(request, ct).ConfigureAwait(false);
                return CloudspaceResults.From(created.Cloudspace);
            }),
        McpTool.Write(
            "update_cloudspace",
            ToolEffect.Change,
            "Change a cloudspace's Kubernetes version or HA control plane (turning HA off removes control-plane replicas). Changes the account.",
            CloudspaceTools.NameSchema()
                .String("kubernetes_version", "New Kubernetes version, e.g. 1.31.1.", pattern: VersionPattern)
                .Boolean("high_availability", "Highly available control plane.")
                .AnyOf("give 'kubernetes_version' or 'high_availability' (there is nothing else to change).", "kubernetes_version", "high_availability"),
            CloudspaceResults.Schema(),
            async (call, ct) =>
            {
                var update = new CloudspaceUpdate { KubernetesVersion = call.String("kubernetes_version"), HighAvailability = call.Bool("high_availability") };
                return CloudspaceResults.From(await call.Client.Cloudspaces.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false));
            }),
        Delete(
            "delete_cloudspace",
            "cloudspace",
            "Delete a cloudspace and everything on it. Cannot be undone: 'confirm' must repeat the name. Changes the account.",
            CloudspaceTools.NameSchema(),
            (client, name, ct) => client.Cloudspaces.DeleteAsync(name, ct)),
        McpTool.Write(
            "create_spot_pool",
            ToolEffect.Create,
            "Create a spot node pool in a cloudspace: a server class, a bid in USD per node-hour (see get_price and recommend_cluster; a bid above the class's on-demand price is refused) and a desired node count. Changes the account and costs money while nodes run.",
            new ToolSchema()
                .Cloudspace("cloudspace", "The cloudspace to add the pool to.", required: true)
                .String("server_class", "Server class, e.g. gp.vs1.medium-dfw.", required: true)
                .Number("bid", "Bid in USD per node-hour, e.g. 0.08.", MaxBid, above: 0m, required: true)
                .Integer("desired", "Desired node count (default 1)." + NodesNote, 0, MaxPoolNodes)
                .Autoscaling(),
            PoolResults.SpotSchema(),
            async (call, ct) =>
            {
                var request = new SpotNodePoolRequest(call.RequiredString("cloudspace"), call.RequiredString("server_class"), Bid(call))
                {
                    Desired = call.Int("desired") ?? 1,
                    Autoscaling = Autoscaling(call),
                };
                return PoolResults.Spot(SpotNodePoolSummary.From(await call.Client.SpotNodePools.CreateAsync(request, ct).ConfigureAwait(false)));
            }),
        McpTool.Write(
            "update_spot_pool",
            ToolEffect.Change,
            "Change a spot pool's desired nodes, bid or autoscaling range. Lowering desired removes nodes; a lower bid can lose them. Changes the account.",
            NodePoolTools.PoolNameSchema()
                .Integer("desired", "New desired node count." + NodesNote, 0, MaxPoolNodes)
                .Number("bid", "New bid in USD per node-hour.", MaxBid, above: 0m)
                .Autoscaling()
                .AnyOf("give at least one of 'desired', 'bid', or 'min_nodes' with 'max_nodes'.", "desired", "bid", "min_nodes"),
            PoolResults.SpotSchema(),
            async (call, ct) =>
            {
                var update = new NodePoolUpdate { Desired = call.Int("desired"), BidPrice = call.Decimal("bid"), Autoscaling = Autoscaling(call) };
                return PoolResults.Spot(SpotNodePoolSummary.From(await call.Client.SpotNodePools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)));
            }),
        McpTool.Write(
            "apply_bid",
            ToolEffect.Change,
            "Set a spot pool's bid (USD per node-hour), e.g. the bid recommend_cluster or get_price suggested. A bid below the market price can lose the pool's nodes; one above the class's on-demand price is refused. Changes the account.",
            NodePoolTools.PoolNameSchema().Number("bid", "The new bid in USD per node-hour, e.g. 0.08.", MaxBid, above: 0m, required: true),
            PoolResults.SpotSchema(),
            async (call, ct) =>
            {
                var update = new NodePoolUpdate { BidPrice = Bid(call) };
                return PoolResults.Spot(SpotNodePoolSummary.From(await call.Client.SpotNodePools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)));
            }),
        Delete(
            "delete_spot_pool",
            "spot pool",
            "Delete a spot node pool; its nodes go away. Cannot be undone: 'confirm' must repeat the pool name. Changes the account.",
            NodePoolTools.PoolNameSchema(),
            (client, name, ct) => client.SpotNodePools.DeleteAsync(name, ct)),
        McpTool.Write(
            "create_on_demand_pool",
            ToolEffect.Create,
            "Create an on-demand node pool (fixed price, never preempted) in a cloudspace. Changes the account and costs money while nodes run.",
            new ToolSchema()
                .Cloudspace("cloudspace", "The cloudspace to add the pool to.", required: true)
                .String("server_class", "Server class, e.g. gp.vs1.medium-dfw.", required: true)
                .Integer("desired", "Desired node count (default 1)." + NodesNote, 0, MaxPoolNodes),
            PoolResults.OnDemandSchema(),
            async (call, ct) =>
            {
                var request = new OnDemandNodePoolRequest(call.RequiredString("cloudspace"), call.RequiredString("server_class")) { Desired = call.Int("desired") ?? 1 };
                return PoolResults.OnDemand(OnDemandNodePoolSummary.From(await call.Client.OnDemandNodePools.CreateAsync(request, ct).ConfigureAwait(false)));
            }),
        McpTool.Write(
            "update_on_demand_pool",
            ToolEffect.Change,
            "Change an on-demand pool's desired node count; a lower count (down to 0) removes nodes. Changes the account.",
            NodePoolTools.PoolNameSchema().Integer("desired", "New desired node count." + NodesNote, 0, MaxPoolNodes, required: true),
            PoolResults.OnDemandSchema(),
            async (call, ct) =>
            {
                var update = new NodePoolUpdate { Desired = call.Int("desired") };
                return PoolResults.OnDemand(OnDemandNodePoolSummary.From(await call.Client.OnDemandNodePools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)));
            }),
        Delete(
            "delete_on_demand_pool",
            "on-demand pool",
            "Delete an on-demand node pool; its nodes go away. Cannot be undone: 'confirm' must repeat the pool name. Changes the account.",
            NodePoolTools.PoolNameSchema(),
            (client, name, ct) => client.OnDemandNodePools.DeleteAsync(name, ct)),
    ];

    /// <summary>The autoscaling range: both ends or neither; the one rule a schema cannot say (min ≤ max) is checked here.</summary>
    private static ToolSchema Autoscaling(this ToolSchema schema) => schema
        .Integer("min_nodes", "Autoscaling minimum (with max_nodes, at most max_nodes).", 0, MaxPoolNodes)
        .Integer("max_nodes", "Autoscaling maximum (with min_nodes)." + NodesNote, 0, MaxPoolNodes)
        .Together("min_nodes", "max_nodes");

    private static decimal Bid(ToolCall call) => call.Decimal("bid") ?? throw new ToolInputException("'bid' is required (USD per node-hour, e.g. 0.08).");

    private static AutoscalingRange? Autoscaling(ToolCall call) => (call.Int("min_nodes"), call.Int("max_nodes")) switch
    {
        ({ } min, { } max) when min > max => throw new ToolInputException($"{ArgumentCheck.Prefix}'min_nodes' ({min}) must not be above 'max_nodes' ({max})."),
        ({ } min, { } max) => new AutoscalingRange(min, max),
        _ => null,
    };

    /// <summary>A delete tool: refused unless <c>confirm</c> repeats the name.</summary>
    private static McpTool Delete(string tool, string what, string description, ToolSchema schema, Func<SpotClient, string, CancellationToken, Task> delete) =>
        McpTool.Write(tool, ToolEffect.Change, description, schema.String("confirm", ConfirmText, required: true), PoolResults.DeletedSchema(), async (call, ct) =>
        {
            var name = call.RequiredString("name");
            call.RequireConfirmation(what, name);
            await delete(call.Client, name, ct).ConfigureAwait(false);
            return PoolResults.Deleted(what, name);
        });
}
