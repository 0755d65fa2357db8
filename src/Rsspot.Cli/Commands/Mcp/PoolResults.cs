using System.Text.Json.Nodes;
using Rsspot.Services;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Node pools as the tools return them: a spot pool's bid is <c>bid</c>, the name its tools take.</summary>
internal static class PoolResults
{
    public static JsonObject Spot(SpotNodePoolSummary pool) => new()
    {
        ["name"] = pool.Name,
        ["cloudspace"] = pool.Cloudspace,
        ["server_class"] = pool.ServerClass,
        ["desired"] = pool.Desired,
        ["bid"] = Json.Number(pool.BidPrice),
        ["min_nodes"] = pool.Autoscaling?.MinNodes,
        ["max_nodes"] = pool.Autoscaling?.MaxNodes,
        ["bid_status"] = pool.BidStatus,
        ["won_count"] = pool.WonCount,
    };

    public static JsonObject SpotSchema() => Object(
        ("name", String()),
        ("cloudspace", NullableString()),
        ("server_class", NullableString()),
        ("desired", NullableInteger()),
        ("bid", NullableNumber()),
        ("min_nodes", NullableInteger()),
        ("max_nodes", NullableInteger()),
        ("bid_status", NullableString()),
        ("won_count", NullableInteger()));

    public static JsonObject OnDemand(OnDemandNodePoolSummary pool) => new()
    {
        ["name"] = pool.Name,
        ["cloudspace"] = pool.Cloudspace,
        ["server_class"] = pool.ServerClass,
        ["desired"] = pool.Desired,
        ["reserved_status"] = pool.ReservedStatus,
        ["reserved_count"] = pool.ReservedCount,
    };

    public static JsonObject OnDemandSchema() => Object(
        ("name", String()),
        ("cloudspace", NullableString()),
        ("server_class", NullableString()),
        ("desired", NullableInteger()),
        ("reserved_status", NullableString()),
        ("reserved_count", NullableInteger()));

    public static JsonObject Deleted(string what, string name) => new() { ["deleted"] = what, ["name"] = name };

    public static JsonObject DeletedSchema() => Object(("deleted", String()), ("name", String()));
}
