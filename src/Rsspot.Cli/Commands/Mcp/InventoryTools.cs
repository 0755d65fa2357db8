namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for the VM inventory and the organization's events.</summary>
internal static class InventoryTools
{
    private const int DefaultEvents = 20;
    private const int MaxEvents = 200;

    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_vm_cloudspaces",
            "List VM cloudspaces and the machines assigned to each (server name, display name, node pool, IP). Use it to find the VMs behind a cloudspace.",
            new ToolSchema().Paged(),
            Shape.Page(AccountResults.VmCloudspaceSchema()),
            async (call, ct) => ToolResults.Page(call, (await call.Client.Inventory.ListVmCloudspaceSnapshotsAsync(ct).ConfigureAwait(false)).Select(AccountResults.VmCloudspace), "VM cloudspaces")),
        McpTool.Read(
            "list_events",
            $"Recent events of the organization (timestamp, message), newest as the API orders them (default {DefaultEvents}). Use it to see why a pool lost nodes or a cloudspace changed.",
            new ToolSchema().Integer("limit", $"How many events (default {DefaultEvents}, max {MaxEvents}).", 1, MaxEvents),
            Shape.List(AccountResults.EventSchema()),
            async (call, ct) => Json.List((await call.Client.Inventory.ListEventsAsync(call.Int("limit") ?? DefaultEvents, ct).ConfigureAwait(false)).Select(AccountResults.Event))),
    ];
}
