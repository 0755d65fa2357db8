using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Read tools for autopilot node pools, and (with <c>--allow-writes</c>) tools that create, scale and delete them.
/// Budgets go through the SDK's writes, which refuse one above the pool's budget ceiling (what its vCPUs cost on
/// demand) like every other writer; a delete needs the name repeated in <c>confirm</c>.
/// </summary>
internal static class AutopilotTools
{
    /// <summary>The highest budget any tool takes, USD per hour for a whole pool.</summary>
    public const decimal MaxBudget = 1000m;

    /// <summary>The most vCPUs a tool takes.</summary>
    public const int MaxVcpus = 10_000;

    private const string ConfirmText = "Repeat the name here to confirm the delete; anything else refuses it.";

    public static IEnumerable<McpTool> All() => [.. Read(), .. Write()];

    private static IEnumerable<McpTool> Read() =>
    [
        McpTool.Read(
            "list_autopilot_pools",
            "List autopilot node pools (a vCPU target and an hourly budget that Spot fills with spot pools of the cheapest classes): target and managed vCPUs, budget, phase, and per allocated class the nodes won/desired, bid and market price. Give a cloudspace to see only its pools.",
            new ToolSchema().Cloudspace("cloudspace", "Only the pools of this cloudspace.").Paged(),
            Shape.Page(AutopilotResults.Schema()),
            async (call, ct) => ToolResults.Page(call, (await call.Client.AutopilotNodePools.ListSummariesAsync(call.String("cloudspace"), ct).ConfigureAwait(false)).Select(AutopilotResults.Pool), "autopilot pools")),
        McpTool.Read(
            "get_autopilot_pool",
            "One autopilot node pool by name: its vCPU target, bounds, budget, phase and what Spot allocated (class, child spot pool, nodes won/desired, bid, market).",
            NameSchema(),
            AutopilotResults.Schema(),
            async (call, ct) => AutopilotResults.Pool(AutopilotNodePoolSummary.From(await call.Client.AutopilotNodePools.GetAsync(call.RequiredString("name"), ct).ConfigureAwait(false)))),
    ];

    private static IEnumerable<McpTool> Write() =>
    [
        McpTool.Write(
            "create_autopilot_pool",
            ToolEffect.Create,
            "Create an autopilot node pool in a cloudspace: Spot fills 'vcpu_total' vCPUs with spot pools of the cheapest qualifying classes within 'budget_per_hour' (USD for the whole pool; one above what its vCPUs cost on demand is refused). Changes the account and costs money while nodes run.",
            new ToolSchema()
                .Cloudspace("cloudspace", "The cloudspace the nodes join.", required: true)
                .Integer("vcpu_total", "vCPUs to fill.", 1, MaxVcpus, required: true)
                .Number("budget_per_hour", "Hourly budget in USD for the whole pool, at most three decimals, e.g. 0.10.", MaxBudget, above: 0m, required: true)
                .Integer("vcpu_per_node_min", "Fewest vCPUs per node (at most vcpu_per_node_max).", 1, MaxVcpus)
                .Integer("vcpu_per_node_max", "Most vCPUs per node.", 1, MaxVcpus)
                .OneOf("memory_per_vcpu", "GB of memory per vCPU (default any).", MemoryPerVcpuText.Allowed.ToArray()),
            AutopilotResults.Schema(),
            async (call, ct) =>
            {
                var request = new AutopilotNodePoolRequest(call.RequiredString("cloudspace"), call.Int("vcpu_total") ?? 0, call.Decimal("budget_per_hour") ?? 0m)
                {
                    VcpuPerNode = Range(call) ?? VcpuPerNodeRange.Any,
                    MemoryPerVcpu = call.String("memory_per_vcpu") is { } memory ? MemoryPerVcpuText.Parse(memory, "memory_per_vcpu") : MemoryPerVcpu.Any,
                };
                return AutopilotResults.Pool(AutopilotNodePoolSummary.From(await call.Client.AutopilotNodePools.CreateAsync(request, ct).ConfigureAwait(false)));
            }),
        McpTool.Write(
            "scale_autopilot_pool",
            ToolEffect.Change,
            "Change an autopilot pool's vCPU target, budget, vCPUs per node or memory per vCPU; Spot re-allocates. A lower target removes nodes; a budget above what the vCPUs cost on demand is refused. Changes the account.",
            NameSchema()
                .Integer("vcpu_total", "New vCPU target.", 1, MaxVcpus)
                .Number("budget_per_hour", "New hourly budget in USD for the whole pool, at most three decimals.", MaxBudget, above: 0m)
                .Integer("vcpu_per_node_min", "New fewest vCPUs per node.", 1, MaxVcpus)
                .Integer("vcpu_per_node_max", "New most vCPUs per node.", 1, MaxVcpus)
                .OneOf("memory_per_vcpu", "New GB of memory per vCPU.", MemoryPerVcpuText.Allowed.ToArray())
                .AnyOf("give at least one of 'vcpu_total', 'budget_per_hour', 'vcpu_per_node_min', 'vcpu_per_node_max' or 'memory_per_vcpu'.", "vcpu_total", "budget_per_hour", "vcpu_per_node_min", "vcpu_per_node_max", "memory_per_vcpu"),
            AutopilotResults.Schema(),
            async (call, ct) =>
            {
                var update = new AutopilotNodePoolUpdate
                {
                    VcpuTotal = call.Int("vcpu_total"),
                    BudgetPerHour = call.Decimal("budget_per_hour"),
                    VcpuPerNode = Range(call),
                    MemoryPerVcpu = call.String("memory_per_vcpu") is { } memory ? MemoryPerVcpuText.Parse(memory, "memory_per_vcpu") : null,
                };
                return AutopilotResults.Pool(AutopilotNodePoolSummary.From(await call.Client.AutopilotNodePools.UpdateAsync(call.RequiredString("name"), update, ct).ConfigureAwait(false)));
            }),
        McpTool.Write(
            "delete_autopilot_pool",
            ToolEffect.Change,
            "Delete an autopilot node pool; Spot removes the spot pools it made for it and their nodes go away. Cannot be undone: 'confirm' must repeat the pool name. Changes the account.",
            NameSchema().String("confirm", ConfirmText, required: true),
            PoolResults.DeletedSchema(),
            async (call, ct) =>
            {
                var name = call.RequiredString("name");
                call.RequireConfirmation("autopilot pool", name);
                await call.Client.AutopilotNodePools.DeleteAsync(name, ct).ConfigureAwait(false);
                return PoolResults.Deleted("autopilot pool", name);
            }),
    ];

    private static ToolSchema NameSchema() => new ToolSchema().Cloudspace("name", "Autopilot pool name (a lower-case UUID or DNS label).", required: true);

    private static VcpuPerNodeRange? Range(ToolCall call) =>
        call.Int("vcpu_per_node_min") is null && call.Int("vcpu_per_node_max") is null ? null : new VcpuPerNodeRange(call.Int("vcpu_per_node_min"), call.Int("vcpu_per_node_max"));
}
