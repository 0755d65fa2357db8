using Rsspot.Pricing;
using Rsspot.State;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// The bid guard for agents: its verdict on every spot pool (read-only), and applying its recommendations
/// (a write tool, present only with <c>--allow-writes</c>).
/// </summary>
internal static class BidGuardTools
{
    private const decimal MaxBudget = 10_000_000m;

    public static IEnumerable<McpTool> Read() =>
    [
        McpTool.Read(
            "bid_guard_status",
            "The bid guard's verdict on each spot pool: winning, at-risk (bid within the margin of the market, or the market rising towards it) or losing (bid below the market, or fewer nodes won than desired), with the reason, the figures it used (bid, market, hammer, P20/P50/P80, trend) and the bid it recommends. Use it to check whether spot pools keep their nodes, or before changing a bid. Changes nothing.",
            PolicySchema(),
            GuardResults.RoundSchema(),
            async (call, ct) =>
            {
                var guard = new BidGuard(call.Client, Policy(call));
                return GuardResults.Round(call, await guard.RunAsync(call.String("cloudspace"), apply: false, ct).ConfigureAwait(false));
            }),
    ];

    public static IEnumerable<McpTool> Write() =>
    [
        McpTool.Write(
            "apply_bid_guard",
            ToolEffect.ChangeByMarket,
            "Apply the bid guard's recommendations: raise the bids of at-risk and losing spot pools, lower bids far above the market, never above max_bid, the class's on-demand price or the budget; lowerings first. Each change is recorded in the guard history; a pool whose change fails keeps its bid and says why. Call bid_guard_status first to see what would change. Changes the account and what it pays.",
            PolicySchema(),
            GuardResults.RoundSchema(),
            async (call, ct) =>
            {
                var client = call.Client;
                using var changes = StateStore.Open(client.Profile.StatePath ?? client.Resolved.StatePath);
                var guard = new BidGuard(client, Policy(call), changes);
                return GuardResults.Round(call, await guard.RunAsync(call.String("cloudspace"), apply: true, ct).ConfigureAwait(false));
            }),
    ];

    private static ToolSchema PolicySchema() => new ToolSchema()
        .Cloudspace("cloudspace", "Only this cloudspace's spot pools (default: every cloudspace).")
        .Number("margin_percent", "Head-room over the market in percent (default 5).", 1000m, atLeast: 0m)
        .Integers("percentile", "Percentile of recent clearing prices to bid at (default 80).", 20, 50, 80)
        .Number("max_bid", "Highest bid of any pool, USD per node-hour; it can only lower each pool's ceiling (its class's on-demand price, or the profile's max_bid), never raise it.", WriteTools.MaxBid, above: 0m)
        .Number("budget_hourly", "Cluster budget: the sum of bid x desired nodes, USD per hour.", MaxBudget, above: 0m)
        .Number("budget_monthly", "Cluster budget in USD per month (730 h).", MaxBudget, above: 0m)
        .Paged();

    private static BidGuardPolicy Policy(ToolCall call) => new()
    {
        Margin = call.Decimal("margin_percent") is decimal margin ? margin / 100m : new BidGuardPolicy().Margin,
        TargetPercentile = call.Int("percentile") ?? 80,
        MaxBid = call.Decimal("max_bid"),
        MaxBidOnlyLowers = true,
        BudgetHourly = call.Decimal("budget_hourly"),
        BudgetMonthly = call.Decimal("budget_monthly"),
    };
}
