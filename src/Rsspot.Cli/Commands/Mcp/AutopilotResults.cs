using System.Text.Json.Nodes;
using Rsspot.Services;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Autopilot pools as the tools return them: the spec's target and budget, and what Spot allocated.</summary>
internal static class AutopilotResults
{
    public static JsonObject Pool(AutopilotNodePoolSummary pool) => new()
    {
        ["name"] = pool.Name,
        ["cloudspace"] = pool.Cloudspace,
        ["region"] = pool.Region,
        ["vcpu_total"] = pool.VcpuTotal,
        ["vcpu_per_node_min"] = pool.VcpuPerNode?.Min,
        ["vcpu_per_node_max"] = pool.VcpuPerNode?.Max,
        ["memory_per_vcpu"] = pool.MemoryPerVcpu,
        ["budget_per_hour"] = Json.Number(pool.BudgetPerHour),
        ["phase"] = pool.Phase,
        ["managed_vcpus"] = pool.ManagedVcpus,
        ["cost_per_hour"] = Json.Number(pool.CostPerHour),
        ["allocations"] = new JsonArray([.. pool.Allocations.Select(a => (JsonNode)new JsonObject
        {
            ["server_class"] = a.ServerClass,
            ["spot_pool"] = a.SpotNodePool,
            ["vcpu_per_node"] = a.VcpuPerNode,
            ["won_nodes"] = a.WonNodes,
            ["desired_nodes"] = a.DesiredNodes,
            ["bid"] = Json.Number(a.BidPrice),
            ["market_price"] = Json.Number(a.MarketPrice),
        })]),
    };

    public static JsonObject Schema() => Object(
        ("name", String()),
        ("cloudspace", NullableString()),
        ("region", NullableString()),
        ("vcpu_total", NullableInteger()),
        ("vcpu_per_node_min", NullableInteger()),
        ("vcpu_per_node_max", NullableInteger()),
        ("memory_per_vcpu", NullableString()),
        ("budget_per_hour", NullableNumber()),
        ("phase", NullableString()),
        ("managed_vcpus", NullableInteger()),
        ("cost_per_hour", Number()),
        ("allocations", Array(Object(
            ("server_class", NullableString()),
            ("spot_pool", NullableString()),
            ("vcpu_per_node", NullableInteger()),
            ("won_nodes", Integer()),
            ("desired_nodes", Integer()),
            ("bid", NullableNumber()),
            ("market_price", NullableNumber())))));
}
