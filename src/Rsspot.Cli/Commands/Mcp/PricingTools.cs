using Rsspot.Pricing;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for prices: the market, one class, its history, hyperscaler comparables, the cluster builder.</summary>
internal static class PricingTools
{
    private const int DefaultHistoryPoints = 48;
    private const int MaxNodes = 10_000;
    private const decimal MaxCapacity = 1_000_000m;
    private const decimal MaxBudget = 10_000_000m;

    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_prices",
            "Price rows per server class and region, cheapest market price first (USD per node-hour and per month, hammer, on-demand, 20/50/80th percentiles). Use it to compare classes or find the cheapest class that fits; 'nodes' multiplies the totals.",
            new ToolSchema()
                .Strings("regions", "Only these regions, e.g. [\"us-central-dfw-1\"].")
                .Strings("families", "Class families: gp, ch, mh.")
                .Strings("generations", "Generations, e.g. vs1, vs2.")
                .Number("min_vcpu", "At least this many vCPU per node.", MaxCapacity, atLeast: 0m)
                .Number("max_vcpu", "At most this many vCPU per node.", MaxCapacity, atLeast: 0m)
                .Integer("nodes", "Multiply prices and resources by this node count (default 1).", 1, MaxNodes)
                .Paged(),
            Shape.Page(PriceResults.ListItemSchema()),
            async (call, ct) =>
            {
                var query = new PriceQuery
                {
                    Regions = call.Strings("regions"),
                    Families = call.Strings("families"),
                    Generations = call.Strings("generations"),
                    MinVcpu = call.Decimal("min_vcpu"),
                    MaxVcpu = call.Decimal("max_vcpu"),
                    Nodes = call.Int("nodes") ?? 1,
                };
                var items = await call.Client.Pricing.ListAsync(query, ct).ConfigureAwait(false);
                return ToolResults.Page(call, items.Select(PriceResults.ListItem), "price rows");
            }),
        McpTool.Read(
            "get_price",
            "All known prices of one server class in every region it is sold (market, hammer, minimum bid, on-demand, percentiles, USD per node-hour). Use it before choosing a bid for a class.",
            ClassSchema(),
            Shape.List(PriceResults.RowSchema()),
            async (call, ct) => Json.List((await call.Client.Pricing.GetAsync(call.RequiredString("server_class"), ct).ConfigureAwait(false)).Select(PriceResults.Row))),
        McpTool.Read(
            "get_price_history",
            $"Hammer price history of one server class: a summary of all points (count, first/last time, min, max, mean, last) and the most recent points (default {DefaultHistoryPoints}). Use it to judge whether a price is a spike or a trend before bidding.",
            ClassSchema().Integer("points", $"How many of the most recent points to return (default {DefaultHistoryPoints}, max {ToolResults.MaxPageSize}).", 0, ToolResults.MaxPageSize),
            PriceResults.HistorySchema(),
            async (call, ct) =>
            {
                var history = await call.Client.Pricing.GetHistoryAsync(call.RequiredString("server_class"), ct).ConfigureAwait(false);
                var wanted = call.Int("points") ?? DefaultHistoryPoints;
                return PriceResults.History(history, [.. history.Points.TakeLast(wanted)]);
            }),
        McpTool.Read(
            "get_comparables",
            "Hyperscaler (AWS, Azure, GCP) prices comparable to one server class, with the Spot market price per region. Use it to show the saving of Spot against other clouds.",
            ClassSchema(),
            Shape.List(PriceResults.ComparablesSchema()),
            async (call, ct) => Json.List((await call.Client.Pricing.GetAsync(call.RequiredString("server_class"), ct).ConfigureAwait(false)).Select(PriceResults.Comparables))),
        McpTool.Read(
            "recommend_cluster",
            "Recommend a cluster from current prices: three scenarios (max_performance, max_value, balanced) with pools, bids per node-hour, hourly and monthly totals. Give a node count or total vCPU/memory, a risk level and optional budgets. Read-only: creating the pools is create_spot_pool.",
            new ToolSchema()
                .Integer("nodes", "Node count.", 1, MaxNodes)
                .Number("vcpu", "Total vCPU wanted (instead of nodes).", MaxCapacity, above: 0m)
                .Number("memory_gb", "Total memory in GB wanted.", MaxCapacity, above: 0m)
                .OneOf("risk", "Preemption risk accepted (default med).", "low", "med", "high")
                .Strings("families", "Class families: gp, ch, mh.")
                .Strings("generations", "Generations, e.g. vs1, vs2.")
                .Strings("regions", "Regions to consider (default all).")
                .Number("max_hourly", "Budget: max USD per hour for the cluster.", MaxBudget, atLeast: 0m)
                .Number("max_monthly", "Budget: max USD per month (730 h).", MaxBudget, atLeast: 0m)
                .AnyOf("give 'nodes', or the capacity wanted in 'vcpu' and/or 'memory_gb'.", "nodes", "vcpu", "memory_gb"),
            PriceResults.BuildSchema(),
            async (call, ct) =>
            {
                var request = new ClusterBuildRequest
                {
                    Nodes = call.Int("nodes"),
                    TotalVcpu = call.Decimal("vcpu"),
                    TotalMemoryGb = call.Decimal("memory_gb"),
                    Risk = RiskLevels.TryParse(call.String("risk") ?? "med", out var risk) ? risk : RiskLevel.Medium,
                    Families = call.Strings("families"),
                    Generations = call.Strings("generations"),
                    Regions = call.Strings("regions"),
                    MaxHourly = call.Decimal("max_hourly"),
                    MaxMonthly = call.Decimal("max_monthly"),
                };
                return PriceResults.Build(await call.Client.Pricing.BuildAsync(request, ct).ConfigureAwait(false));
            }),
    ];

    private static ToolSchema ClassSchema() => new ToolSchema().String("server_class", "Server class, e.g. gp.vs1.medium-dfw (see list_server_classes).", required: true);
}
