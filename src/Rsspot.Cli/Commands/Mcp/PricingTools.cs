using System.Text.Json.Nodes;
using Rsspot.Pricing;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for prices: the market, one class, its history, hyperscaler comparables, the cluster builder.</summary>
internal static class PricingTools
{
    private const int DefaultHistoryPoints = 48;

    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_prices",
            "Price rows per server class and region, cheapest market price first (USD per node-hour and per month, hammer, on-demand, 20/50/80th percentiles). Use it to compare classes or find the cheapest class that fits; 'nodes' multiplies the totals.",
            new ToolSchema()
                .Strings("regions", "Only these regions.")
                .Strings("families", "Class families: gp, ch, mh.")
                .Strings("generations", "Generations, e.g. vs1, vs2.")
                .Number("min_vcpu", "At least this many vCPU per node.", minimum: 0)
                .Number("max_vcpu", "At most this many vCPU per node.", minimum: 0)
                .Integer("nodes", "Multiply prices and resources by this node count (default 1).", minimum: 1, maximum: 10_000)
                .Paged(),
            async (call, ct) =>
            {
                var query = new PriceQuery
                {
                    Regions = call.Strings("regions"),
                    Families = call.Strings("families"),
                    Generations = call.Strings("generations"),
                    MinVcpu = call.Decimal("min_vcpu"),
                    MaxVcpu = call.Decimal("max_vcpu"),
                    Nodes = call.Int("nodes", 1, 10_000) ?? 1,
                };
                var items = await call.Client.Pricing.ListAsync(query, ct).ConfigureAwait(false);
                return ToolResults.Page(call, [.. items.Select(i => (JsonNode)PricingCommands.ListItemJson(i))], "price rows");
            }),
        McpTool.Read(
            "get_price",
            "All known prices of one server class in every region it is sold (market, hammer, minimum bid, on-demand, percentiles, USD per node-hour). Use it before choosing a bid for a class.",
            ClassSchema(),
            async (call, ct) =>
            {
                var rows = await call.Client.Pricing.GetAsync(call.RequiredString("server_class"), ct).ConfigureAwait(false);
                return new JsonArray([.. rows.Select(r => (JsonNode)PricingCommands.RowJson(r))]);
            }),
        McpTool.Read(
            "get_price_history",
            $"Hammer price history of one server class: a summary of all points (count, first/last time, min, max, mean, last) and the most recent points (default {DefaultHistoryPoints}). Use it to judge whether a price is a spike or a trend before bidding.",
            ClassSchema().Integer("points", $"How many of the most recent points to return (default {DefaultHistoryPoints}, max {ToolResults.MaxPageSize}).", minimum: 0, maximum: ToolResults.MaxPageSize),
            async (call, ct) =>
            {
                var history = await call.Client.Pricing.GetHistoryAsync(call.RequiredString("server_class"), ct).ConfigureAwait(false);
                var wanted = call.Int("points", 0, ToolResults.MaxPageSize) ?? DefaultHistoryPoints;
                var json = PricingCommands.HistoryJson(history, history.Points.TakeLast(wanted));
                if (history.Points.Count > wanted)
                {
                    json["note"] = $"Only the last {wanted} of {history.Points.Count} points are listed; the summary covers all of them.";
                }

                return json;
            }),
        McpTool.Read(
            "get_comparables",
            "Hyperscaler (AWS, Azure, GCP) prices comparable to one server class, with the Spot market price per region. Use it to show the saving of Spot against other clouds.",
            ClassSchema(),
            async (call, ct) => PricingCommands.ComparablesJson(await call.Client.Pricing.GetAsync(call.RequiredString("server_class"), ct).ConfigureAwait(false))),
        McpTool.Read(
            "recommend_cluster",
            "Recommend a cluster from current prices: three scenarios (max_performance, max_value, balanced) with pools, bids per node-hour, hourly and monthly totals. Give a node count or total vCPU/memory, a risk level and optional budgets. Read-only: creating the pools is create_spot_pool.",
            new ToolSchema()
                .Integer("nodes", "Node count.", minimum: 1, maximum: 10_000)
                .Number("vcpu", "Total vCPU wanted (instead of nodes).", minimum: 0)
                .Number("memory_gb", "Total memory in GB wanted.", minimum: 0)
                .OneOf("risk", "Preemption risk accepted (default med).", "low", "med", "high")
                .Strings("families", "Class families: gp, ch, mh.")
                .Strings("generations", "Generations, e.g. vs1, vs2.")
                .Strings("regions", "Regions to consider (default all).")
                .Number("max_hourly", "Budget: max USD per hour for the cluster.", minimum: 0)
                .Number("max_monthly", "Budget: max USD per month (730 h).", minimum: 0),
            async (call, ct) =>
            {
                var riskText = call.String("risk") ?? "med";
                if (!RiskLevels.TryParse(riskText, out var risk))
                {
                    throw new ToolInputException($"'risk' is '{riskText}'; use low, med or high.");
                }

                var request = new ClusterBuildRequest
                {
                    Nodes = call.Int("nodes", 1, 10_000),
                    TotalVcpu = call.Decimal("vcpu"),
                    TotalMemoryGb = call.Decimal("memory_gb"),
                    Risk = risk,
                    Families = call.Strings("families"),
                    Generations = call.Strings("generations"),
                    Regions = call.Strings("regions"),
                    MaxHourly = call.Decimal("max_hourly"),
                    MaxMonthly = call.Decimal("max_monthly"),
                };
                return PricingCommands.BuildJson(await call.Client.Pricing.BuildAsync(request, ct).ConfigureAwait(false));
            }),
    ];

    private static ToolSchema ClassSchema() => new ToolSchema().String("server_class", "Server class, e.g. gp.vs1.medium-dfw.", required: true);
}
