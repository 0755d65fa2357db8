using System.Text.Json.Nodes;
using Rsspot.Services.Vm;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Tools for VM resources: reads of VM SSH keys, VM cloudspaces and VM pools; with <c>--allow-writes</c>, creating,
/// scaling and deleting VM pools (bids go through the SDK, which refuses one above the class's ceiling).
/// </summary>
internal static class VmTools
{
    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_vm_ssh_keys",
            "List VM SSH keys (the public keys VM cloudspaces' machines accept): name, description, fingerprint, whether the API validated it.",
            new ToolSchema().Paged(),
            Shape.Page(SshKeySchema()),
            async (call, ct) => ToolResults.Page(call, (await call.Client.VmSshKeys.ListSummariesAsync(cancellationToken: ct).ConfigureAwait(false)).Select(SshKey), "VM SSH keys")),
        McpTool.Read(
            "get_vm_cloudspace",
            "One VM cloudspace by name: region, phase, SSH key, webhook and its machines (server name, pool, address, state). Use it to see whether its VMs are up.",
            VmCloudspaceName("name", "VM cloudspace name.", required: true),
            CloudspaceSchema(),
            async (call, ct) => Cloudspace(await call.Client.VmCloudspaces.GetAsync(call.RequiredString("name"), ct).ConfigureAwait(false))),
        McpTool.Read(
            "list_vm_pools",
            "List VM pools: name, VM cloudspace, server class, type (spot or ondemand), desired machines, bid in USD per VM-hour, bid status, won machines. Give a VM cloudspace to see only its pools.",
            VmCloudspaceName("vm_cloudspace", "Only the pools of this VM cloudspace.").Paged(),
            Shape.Page(PoolSchema()),
            async (call, ct) => ToolResults.Page(call, (await call.Client.VmPools.ListSummariesAsync(call.String("vm_cloudspace"), ct).ConfigureAwait(false)).Select(Pool), "VM pools")),
        McpTool.Read(
            "get_vm_pool",
            "One VM pool by name (a UUID): its class, desired machines, bid, bid status and won machines. Use it to check whether a VM bid is winning.",
            PoolName(),
            PoolSchema(),
            async (call, ct) => Pool(VmPoolSummary.From(await call.Client.VmPools.GetAsync(call.RequiredString("name"), ct).ConfigureAwait(false)))),
        McpTool.Write(
            "create_vm_pool",
            ToolEffect.Create,
            "Create a VM pool in a VM cloudspace: a server class, a bid in USD per VM-hour (steps of 0.001; one above the class's on-demand price is refused) and a desired machine count. Changes the account and costs money while machines run.",
            VmCloudspaceName("vm_cloudspace", "The VM cloudspace to add the pool to.", required: true)
                .String("server_class", "Server class in the VM cloudspace's region, e.g. gp.vs1.medium-ord.", required: true)
                .Number("bid", "Bid in USD per VM-hour, e.g. 0.02 (at most three decimals).", WriteTools.MaxBid, above: 0m, required: true)
                .Integer("desired", "Desired machine count (default 1).", 0, WriteTools.MaxPoolNodes)
                .OneOf("pool_type", "spot (default) or ondemand.", "spot", "ondemand")
                .String("vm_image", "VM image, e.g. ubuntu24.04 (default: the API's)."),
            PoolSchema(),
            async (call, ct) =>
            {
                var request = new VmPoolRequest(call.RequiredString("vm_cloudspace"), call.RequiredString("server_class"), call.Decimal("bid") ?? throw new ToolInputException("'bid' is required (USD per VM-hour, e.g. 0.02)."))
                {
                    Desired = call.Int("desired") ?? 1,
                    PoolType = call.String("pool_type") == "ondemand" ? VmPoolType.OnDemand : VmPoolType.Spot,
                    Image = call.String("vm_image"),
                };
                return Pool(VmPoolSummary.From(await call.Client.VmPools.CreateAsync(request, ct).ConfigureAwait(false)));
            }),
        McpTool.Write(
            "scale_vm_pool",
            ToolEffect.Change,
            "Change a VM pool's desired machine count or bid. Lowering desired (down to 0) removes machines; a lower bid can lose them; a bid above the class's on-demand price is refused. Changes the account.",
            PoolName()
                .Integer("desired", "New desired machine count.", 0, WriteTools.MaxPoolNodes)
                .Number("bid", "New bid in USD per VM-hour (at most three decimals).", WriteTools.MaxBid, above: 0m)
                .AnyOf("give 'desired', 'bid' or both.", "desired", "bid"),
            PoolSchema(),
            async (call, ct) =>
            {
                var update = new VmPoolUpdate { Desired = call.Int("desired"), BidPrice = call.Decimal("bid") };
                return Pool(VmPoolSummary.From(await call.Client.VmPools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)));
            }),
        McpTool.Write(
            "delete_vm_pool",
            ToolEffect.Change,
            "Delete a VM pool; its machines go away. Cannot be undone: 'confirm' must repeat the pool name. Changes the account.",
            PoolName().String("confirm", "Repeat the name here to confirm the delete; anything else refuses it.", required: true),
            PoolResults.DeletedSchema(),
            async (call, ct) =>
            {
                var name = call.RequiredString("name");
                call.RequireConfirmation("VM pool", name);
                await call.Client.VmPools.DeleteAsync(name, ct).ConfigureAwait(false);
                return PoolResults.Deleted("VM pool", name);
            }),
    ];

    private static ToolSchema VmCloudspaceName(string name, string description, bool required = false) =>
        new ToolSchema().Cloudspace(name, description, required);

    private static ToolSchema PoolName() => new ToolSchema().Pool("name", "VM pool name.", required: true);

    private static JsonObject SshKey(VmSshKeySummary key) => new()
    {
        ["name"] = key.Name,
        ["description"] = key.Description,
        ["fingerprint"] = key.Fingerprint,
        ["validated"] = key.Validated,
    };

    private static JsonObject SshKeySchema() => Object(("name", String()), ("description", NullableString()), ("fingerprint", NullableString()), ("validated", Boolean()));

    private static JsonObject Pool(VmPoolSummary pool) => new()
    {
        ["name"] = pool.Name,
        ["vm_cloudspace"] = pool.VmCloudspace,
        ["server_class"] = pool.ServerClass,
        ["pool_type"] = pool.PoolType,
        ["desired"] = pool.Desired,
        ["bid"] = Json.Number(pool.BidPrice),
        ["bid_status"] = pool.BidStatus,
        ["won_count"] = pool.WonCount,
    };

    private static JsonObject PoolSchema() => Object(
        ("name", String()),
        ("vm_cloudspace", NullableString()),
        ("server_class", NullableString()),
        ("pool_type", NullableString()),
        ("desired", NullableInteger()),
        ("bid", NullableNumber()),
        ("bid_status", NullableString()),
        ("won_count", NullableInteger()));

    private static JsonObject Cloudspace(Generated.Api.Models.VmCloudSpace cloudspace)
    {
        var summary = VmCloudspaceSummary.From(cloudspace);
        return new JsonObject
        {
            ["name"] = summary.Name,
            ["region"] = summary.Region,
            ["phase"] = summary.Phase,
            ["ssh_key"] = summary.SshKey,
            ["webhook"] = summary.Webhook,
            ["servers"] = new JsonArray([.. Services.InventoryService.AssignedVms(cloudspace).Select(s => (JsonNode)new JsonObject
            {
                ["server_name"] = s.ServerName ?? s.Key,
                ["vm_pool"] = s.NodePoolName,
                ["ip"] = s.Ip,
                ["state"] = s.State,
            })]),
        };
    }

    private static JsonObject CloudspaceSchema() => Object(
        ("name", String()),
        ("region", NullableString()),
        ("phase", NullableString()),
        ("ssh_key", NullableString()),
        ("webhook", NullableString()),
        ("servers", Array(Object(("server_name", String()), ("vm_pool", NullableString()), ("ip", NullableString()), ("state", NullableString())))));
}
