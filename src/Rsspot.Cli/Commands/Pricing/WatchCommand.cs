using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Pricing;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary><c>pricing watch</c>: the bid guard on a timer, as a live table on a terminal and JSON lines otherwise.</summary>
internal static class WatchCommand
{
    /// <param name="Cloudspace">Only this cloudspace's spot pools (null: all).</param>
    /// <param name="Interval">Time between rounds.</param>
    /// <param name="Policy">Margin, percentile, ceiling and budget.</param>
    /// <param name="Apply">Whether bids are changed (else a dry run).</param>
    /// <param name="Once">One round, then exit with its verdict.</param>
    internal sealed record Options(string? Cloudspace, TimeSpan Interval, BidGuardPolicy Policy, bool Apply, bool Once);

    /// <summary>Exit code of <c>--once</c> when a pool is at risk (none losing).</summary>
    public const int AtRisk = 8;

    /// <summary>Exit code of <c>--once</c> when a pool is losing.</summary>
    public const int Losing = 9;

    private const string ClearScreen = "\u001b[H\u001b[2J";

    public static Command Create(CliSession session)
    {
        var cloudspace = new Option<string?>("--cloudspace") { Description = "Only this cloudspace's spot pools (default: all)", HelpName = "name" };
        var interval = new Option<string>("--interval") { Description = "Seconds between rounds", DefaultValueFactory = _ => "60", HelpName = "seconds" };
        var maxBid = new Option<string?>("--max-bid") { Description = "Highest bid of any pool, USD per node-hour; replaces the default ceiling (each class's on-demand price) and the profile's max_bid", HelpName = "usd" };
        var budgetHourly = new Option<string?>("--budget-hourly") { Description = "Cluster budget: Σ bid × desired nodes, USD per hour", HelpName = "usd" };
        var budgetMonthly = new Option<string?>("--budget-monthly") { Description = "Cluster budget in USD per month (730 h)", HelpName = "usd" };
        var margin = new Option<string>("--margin") { Description = "Head-room over the market, percent (default 5%: the lowest bid a plan makes is market x 1.05)", DefaultValueFactory = _ => "5%", HelpName = "percent" };
        var percentile = new Option<string>("--percentile") { Description = "Percentile of recent clearing prices to bid at: 20, 50 or 80", DefaultValueFactory = _ => "80" };
        percentile.CompletionSources.Add("20", "50", "80");
        var apply = new Option<bool>("--apply") { Description = "Patch spec.bidPrice of the pools (default: dry run, nothing changes)" };
        var once = new Option<bool>("--once") { Description = $"One round, then exit: 0 all winning, {AtRisk} a pool at risk, {Losing} a pool losing" };
        var command = Cmd.New(
            "watch",
            $"""
            Watch spot pools against their market and recommend (or, with --apply, set) bids that keep them winning.

            A pool is winning (bid above the market by more than the margin), at-risk (within the margin, or the market
            rising towards it) or losing (below the market, or fewer nodes won than desired). A pool whose auction has
            not run yet (bid status Pending) is judged by its bid against the market alone and labelled pending.
            Recommended bid: max(percentile, market) x (1 + margin), capped by the ceiling (--max-bid, else the profile's
            max_bid, else the class's on-demand price) and the cluster budget; a bid more than 30% above it is lowered.
            When the market itself is above the ceiling the guard holds and says "market above ceiling" (losing).
            On a terminal the table is redrawn each round; piped, each round prints one JSON line per pool.
            With --once the exit code is 0 when every pool is winning, {AtRisk} when one is at risk, {Losing} when one is losing.

            Examples:
              rsspot pricing watch --cloudspace prod --once
              rsspot pricing watch --max-bid 0.20 --budget-monthly 500 --margin 15% --apply
              rsspot pricing watch --once | jq 'select(.status != "winning")'
            """,
            cloudspace, interval, maxBid, budgetHourly, budgetMonthly, margin, percentile, apply, once);
        return command.RunsForExitCode(session, (p, ct) =>
        {
            var policy = new BidGuardPolicy
            {
                Margin = GuardFlags.Percent("--margin", p.GetValue(margin)!),
                TargetPercentile = GuardFlags.Percentile("--percentile", p.GetValue(percentile)!),
                MaxBid = GuardFlags.Usd("--max-bid", p.GetValue(maxBid)),
                BudgetHourly = GuardFlags.Usd("--budget-hourly", p.GetValue(budgetHourly)),
                BudgetMonthly = GuardFlags.Usd("--budget-monthly", p.GetValue(budgetMonthly)),
            };
            var seconds = GuardFlags.Seconds("--interval", p.GetValue(interval)!);
            return RunAsync(new Options(p.GetValue(cloudspace), seconds, policy, p.GetValue(apply), p.GetValue(once)), session, ct);
        });
    }

    /// <summary>Rounds until cancelled, or one with <see cref="Options.Once"/>; the exit code.</summary>
    public static async Task<int> RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        using var state = options.Apply ? session.OpenState() : null;
        var guard = new BidGuard(session.Client, options.Policy, state);
        var live = session.Terminal.StdoutIsTerminal && session.Output.IsTable;
        while (true)
        {
            BidGuardRound round;
            IReadOnlyList<AutopilotNodePoolSummary> autopilot;
            try
            {
                round = await guard.RunAsync(options.Cloudspace, options.Apply, ct).ConfigureAwait(false);
                autopilot = await guard.ReadAutopilotAsync(options.Cloudspace, ct).ConfigureAwait(false);
            }
            catch (SpotException ex) when (!options.Once)
            {
                // A watch outlives a bad round: say so and try again at the next tick.
                await session.Err.WriteLineAsync("error: " + ErrorReporter.Describe(ex).Message).ConfigureAwait(false);
                await Task.Delay(options.Interval, ct).ConfigureAwait(false);
                continue;
            }

            Print(session, round, live);
            Autopilot.AutopilotWatch.Print(session, autopilot, live);
            foreach (var failure in round.Failed)
            {
                await session.Err.WriteLineAsync($"error: pool {failure.Recommendation.Pool.Pool}: bid not changed, retried next round: {failure.Error}").ConfigureAwait(false);
            }

            if (options.Once)
            {
                return ExitCode(round.Plan);
            }

            await Task.Delay(options.Interval, ct).ConfigureAwait(false);
        }
    }

    private static int ExitCode(BidGuardPlan plan) =>
        plan.Recommendations.Any(r => r.Status == PoolBidStatus.Losing) ? Losing
        : plan.Recommendations.Any(r => r.Status == PoolBidStatus.AtRisk) ? AtRisk
        : ExitCodes.Ok;

    private static void Print(CliSession s, BidGuardRound round, bool live)
    {
        var at = DateTimeOffset.UtcNow;
        if (!live)
        {
            foreach (var r in round.Plan.Recommendations)
            {
                s.Out.WriteLine(OutputRedaction.Redact(GuardJson.Pool(r, round, at))!.ToJsonString());
            }

            s.Out.Flush();
            return;
        }

        var table = new TableView("POOL", "CLOUDSPACE", "CLASS", "BID", "MARKET", "RESERVE", "P20", "P50", "P80", "STATUS", "RECOMMENDED", "ACTION");
        foreach (var r in round.Plan.Recommendations)
        {
            var m = r.Pool;
            table.Add(m.Pool, m.Cloudspace, m.ServerClass, JsonModels.Money(m.Bid), JsonModels.Money(m.Market), JsonModels.Money(m.Minimum), JsonModels.Money(m.P20), JsonModels.Money(m.P50), JsonModels.Money(m.P80), BidGuardText.Of(r.Status), JsonModels.Money(r.RecommendedBid), Outcome(r, round));
        }

        var budget = round.Plan.HourlyBudget is { } b ? $" of budget {JsonModels.Money(Math.Round(b, 4))}/h" : string.Empty;
        s.Out.Write(ClearScreen);
        s.Out.WriteLine($"{at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC  {(round.Applied ? "applying" : "dry run")}  bids Σ {JsonModels.Money(round.Plan.HourlyBefore)}/h → {JsonModels.Money(round.Plan.HourlyAfter)}/h{budget}");
        s.Out.Write(table.Render(s.Terminal.Colour));
        foreach (var r in round.Plan.Recommendations.Where(r => r.Status != PoolBidStatus.Winning || r.ChangesBid))
        {
            s.Out.WriteLine($"  {r.Pool.Pool}: {r.Reason}");
        }

        s.Out.Flush();
    }

    private static string Outcome(BidRecommendation r, BidGuardRound round) =>
        round.Changes.Any(c => c.Pool == r.Pool.Pool) ? BidGuardText.Of(r.Action) + " (applied)"
        : round.Failed.Any(f => f.Recommendation.Pool.Pool == r.Pool.Pool) ? BidGuardText.Of(r.Action) + " (failed)"
        : round.Deferred.Any(d => d.Pool.Pool == r.Pool.Pool) ? BidGuardText.Of(r.Action) + " (deferred)"
        : BidGuardText.Of(r.Action);
}
