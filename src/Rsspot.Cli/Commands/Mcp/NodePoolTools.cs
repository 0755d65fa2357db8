using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for spot and on-demand node pools.</summary>
internal static class NodePoolTools
{
    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_spot_pools",
            "List spot node pools (auction-priced nodes): name, cloudspace, server class, desired nodes, bid in USD per node-hour, autoscaling range, bid status, won nodes. Give a cloudspace to see only its pools.",
            CloudspaceFilter(),
            Shape.Page(PoolResults.SpotSchema()),
            async (call, ct) => ToolResults.Page(call, (await call.Client.SpotNodePools.ListSummariesAsync(call.String("cloudspace"), ct).ConfigureAwait(false)).Select(PoolResults.Spot), "spot pools")),
        McpTool.Read(
            "get_spot_pool",
            "One spot node pool by name (a UUID): its class, desired nodes, bid, autoscaling, bid status and won nodes. Use it to check whether a bid is winning.",
            PoolNameSchema(),
            PoolResults.SpotSchema(),
            async (call, ct) => PoolResults.Spot(SpotNodePoolSummary.From(await call.Client.SpotNodePools.GetAsync(call.RequiredString("name"), ct).ConfigureAwait(false)))),
        McpTool.Read(
            "list_on_demand_pools",
            "List on-demand node pools (fixed-price nodes): name, cloudspace, server class, desired nodes, reservation status. Give a cloudspace to see only its pools.",
            CloudspaceFilter(),
            Shape.Page(PoolResults.OnDemandSchema()),
            async (call, ct) => ToolResults.Page(call, (await call.Client.OnDemandNodePools.ListSummariesAsync(call.String("cloudspace"), ct).ConfigureAwait(false)).Select(PoolResults.OnDemand), "on-demand pools")),
        McpTool.Read(
            "get_on_demand_pool",
            "One on-demand node pool by name (a UUID): its class, desired nodes and reservation status.",
            PoolNameSchema(),
            PoolResults.OnDemandSchema(),
            async (call, ct) => PoolResults.OnDemand(OnDemandNodePoolSummary.From(await call.Client.OnDemandNodePools.GetAsync(call.RequiredString("name"), ct).ConfigureAwait(false)))),
    ];

    internal static ToolSchema PoolNameSchema() => new ToolSchema().Pool("name", "Node pool name.", required: true);

    private static ToolSchema CloudspaceFilter() => new ToolSchema().Cloudspace("cloudspace", "Only the pools of this cloudspace.").Paged();
}
