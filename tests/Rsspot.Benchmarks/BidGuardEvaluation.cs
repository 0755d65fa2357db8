using System.Globalization;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Market;
using Rsspot.Pricing;

namespace Rsspot.Benchmarks;

/// <summary>One auction of one pool under one bidding policy.</summary>
/// <param name="Step">The auction number from the start of the week.</param>
/// <param name="At">When the auction ran.</param>
/// <param name="Pool">The pool (named after its class).</param>
/// <param name="Market">The market (clearing) price of the auction, USD per node-hour.</param>
/// <param name="Bid">The pool's bid in force at the auction.</param>
/// <param name="Won">True when the bid won (bid ≥ market).</param>
/// <param name="NodeHoursLost">Node-hours the pool lost to outbidding in this step.</param>
/// <param name="Cost">What the step cost: market price × nodes × hours when won (winners pay the market price).</param>
public sealed record EvaluationPoint(long Step, DateTimeOffset At, string Pool, decimal Market, decimal Bid, bool Won, decimal NodeHoursLost, decimal Cost);

/// <summary>A week of one policy: every point, and the totals.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Points">One per pool and auction, in time order.</param>
public sealed record PolicyRun(string Policy, IReadOnlyList<EvaluationPoint> Points)
{
    /// <summary>Node-hours lost to outbidding.</summary>
    public decimal NodeHoursLost => Points.Sum(p => p.NodeHoursLost);

    /// <summary>Total paid, USD.</summary>
    public decimal Cost => Points.Sum(p => p.Cost);

    /// <summary>Highest Σ bid × nodes over the pools at any auction, USD per hour (what a budget must cover).</summary>
    public decimal PeakHourlyBids => Points.GroupBy(p => p.Step).Max(g => g.Sum(p => p.Bid * EvaluationSetup.NodesPerPool));

    /// <summary>How often a bid changed.</summary>
    public int BidChanges => Points.GroupBy(p => p.Pool).Sum(g => g.Zip(g.Skip(1)).Count(pair => pair.First.Bid != pair.Second.Bid));
}

/// <summary>The pools, seed and length of the evaluation.</summary>
public static class EvaluationSetup
{
    /// <summary>Nodes per pool.</summary>
    public const int NodesPerPool = 3;

    /// <summary>The pools' server classes, one pool each.</summary>
    public static readonly string[] Classes = ["gp.vs1.medium-dfw", "ch.vs1.large-dfw", "mh.vs2.medium-iad", "gp.vs2.xlarge-ord"];
}

/// <summary>
/// Replays a week of the emulator's seeded market (<see cref="SeededMarket"/>, the same model and percentile rule the
/// emulator serves) against three ways of bidding: a fixed bid at market × 1.20 (the Python builder's medium rule), a
/// fixed bid at the 80th percentile, and the bid guard (<see cref="BidGuardPlanner"/>) re-planning after every auction.
/// </summary>
public static class BidGuardEvaluation
{
    /// <summary>Runs the week and returns every point of every policy.</summary>
    /// <param name="seed">The market seed.</param>
    /// <param name="step">Time between auctions.</param>
    /// <param name="days">Length of the run in days.</param>
    /// <param name="policy">The guard's policy; the default policy when null.</param>
    public static IReadOnlyList<PolicyRun> Run(int seed = 42, TimeSpan? step = null, int days = 7, BidGuardPolicy? policy = null)
    {
        var stepSeconds = (int)(step ?? TimeSpan.FromMinutes(10)).TotalSeconds;
        var steps = (long)days * 86_400 / stepSeconds;
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var catalog = new SpotCatalog();
        var markets = EvaluationSetup.Classes.Select(name => new ClassMarket(catalog.FindClass(name)!, seed, stepSeconds)).ToArray();
        var guardPolicy = policy ?? new BidGuardPolicy { Margin = 0.10m, LowerAbove = 0.25m }; // the policy the README table was measured with

        var fixedMarket = markets.Select(m => Math.Ceiling(m.MarketAt(-1) * 1.20m * 10_000m) / 10_000m).ToArray();
        var fixedP80 = markets.Select(m => m.PercentileBefore(0, 80)).ToArray();
        return
        [
            Simulate("fixed: market × 1.20", markets, steps, start, stepSeconds, (i, _, bid) => fixedMarket[i]),
            Simulate("fixed: 80th percentile", markets, steps, start, stepSeconds, (i, _, bid) => fixedP80[i]),
            SimulateGuard(markets, steps, start, stepSeconds, fixedMarket, guardPolicy),
        ];
    }

    /// <summary>The totals as a Markdown table.</summary>
    /// <param name="runs">The runs of <see cref="Run"/>.</param>
    public static string Table(IReadOnlyList<PolicyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var lines = new List<string>
        {
            "| policy | node-hours lost | share lost | cost (USD, paid at market) | USD per node-hour won | peak Σ bid × nodes (USD/h) | bid changes |",
            "|---|---|---|---|---|---|---|",
        };
        foreach (var run in runs)
        {
            var total = run.Points.Count * EvaluationSetup.NodesPerPool * StepHours(run);
            var won = total - run.NodeHoursLost;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {run.Policy} | {run.NodeHoursLost:0.0} | {(total == 0 ? 0 : run.NodeHoursLost / total):P1} | {run.Cost:0.00} | {(won == 0 ? 0 : run.Cost / won):0.0000} | {run.PeakHourlyBids:0.0000} | {run.BidChanges} |"));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every point of every run as CSV lines (with a header), for charts.</summary>
    /// <param name="runs">The runs of <see cref="Run"/>.</param>
    public static IEnumerable<string> Csv(IReadOnlyList<PolicyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        yield return "policy,step,at,pool,market,bid,won,node_hours_lost,cost";
        foreach (var run in runs)
        {
            foreach (var p in run.Points)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"\"{run.Policy}\",{p.Step},{p.At:O},{p.Pool},{p.Market},{p.Bid},{p.Won},{p.NodeHoursLost},{p.Cost}");
            }
        }
    }

    /// <summary>One pool's week for <see cref="PriceChart.BidEvaluation"/>: the market and each policy's bid at every auction.</summary>
    /// <param name="runs">The runs of <see cref="Run"/>.</param>
    /// <param name="pool">The pool (its server class, one of <see cref="EvaluationSetup.Classes"/>).</param>
    public static BidEvaluationChartData ChartData(IReadOnlyList<PolicyRun> runs, string pool)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (!EvaluationSetup.Classes.Contains(pool, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{pool}' is not a pool of the evaluation; use one of {string.Join(", ", EvaluationSetup.Classes)}.", nameof(pool));
        }

        var points = runs.Select(r => (r.Policy, Points: r.Points.Where(p => p.Pool == pool).ToList())).ToList();
        return new BidEvaluationChartData(
            pool,
            [.. points[0].Points.Select(p => new MarketPrice(p.At, p.Market))],
            [.. points.Select(r => new PolicyBids(r.Policy, [.. r.Points.Select(p => new PolicyBid(p.At, p.Bid, p.Won))]))]);
    }

    private static decimal StepHours(PolicyRun run) =>
        run.Points.Count > EvaluationSetup.Classes.Length
            ? (decimal)(run.Points[EvaluationSetup.Classes.Length].At - run.Points[0].At).TotalHours
            : 0m;

    private static PolicyRun SimulateGuard(ClassMarket[] markets, long steps, DateTimeOffset start, int stepSeconds, decimal[] initial, BidGuardPolicy policy)
    {
        var bids = (decimal[])initial.Clone();
        var points = new List<EvaluationPoint>();
        for (long k = 0; k < steps; k++)
        {
            Auction(markets, k, start, stepSeconds, bids, points);

            // After auction k the guard sees the market, its history and percentiles, and sets the bids for auction k + 1.
            var views = markets.Select((m, i) => m.View(k, bids[i], won: bids[i] >= m.MarketAt(k))).ToList();
            var plan = BidGuardPlanner.Plan(views, policy);
            for (var i = 0; i < markets.Length; i++)
            {
                if (plan.Recommendations[i].ChangesBid)
                {
                    bids[i] = plan.Recommendations[i].RecommendedBid!.Value;
                }
            }
        }

        return new PolicyRun("bid guard (p80, margin 10%)", points);
    }

    private static PolicyRun Simulate(string name, ClassMarket[] markets, long steps, DateTimeOffset start, int stepSeconds, Func<int, long, decimal, decimal> bidOf)
    {
        var bids = new decimal[markets.Length];
        var points = new List<EvaluationPoint>();
        for (long k = 0; k < steps; k++)
        {
            for (var i = 0; i < markets.Length; i++)
            {
                bids[i] = bidOf(i, k, bids[i]);
            }

            Auction(markets, k, start, stepSeconds, bids, points);
        }

        return new PolicyRun(name, points);
    }

    private static void Auction(ClassMarket[] markets, long k, DateTimeOffset start, int stepSeconds, decimal[] bids, List<EvaluationPoint> points)
    {
        for (var i = 0; i < markets.Length; i++)
        {
            var market = markets[i].MarketAt(k);
            var won = bids[i] >= market;
            points.Add(new EvaluationPoint(
                k,
                start.AddSeconds(k * stepSeconds),
                markets[i].Name,
                market,
                bids[i],
                won,
                won ? 0m : EvaluationSetup.NodesPerPool * stepSeconds / 3600m,
                won ? market * EvaluationSetup.NodesPerPool * stepSeconds / 3600m : 0m));
        }
    }

    /// <summary>One class on the seeded market, with the 24-auction history the emulator's documents are built from.</summary>
    private sealed class ClassMarket(ServerClassInfo info, int seed, int stepSeconds)
    {
        private readonly Dictionary<long, decimal> _market = [];

        public string Name => info.Name;

        public decimal MarketAt(long step)
        {
            if (!_market.TryGetValue(step, out var price))
            {
                _market[step] = price = SeededMarket.Price(seed, info.Name, info.MarketPrice!.Value, step, stepSeconds);
            }

            return price;
        }

        public decimal HammerAt(long step) => SeededMarket.Hammer(MarketAt(step), info.MarketPrice!.Value, info.HammerPrice!.Value);

        public decimal PercentileBefore(long step, int percent) =>
            PriceDocuments.Percentile([.. History(step - 1).Order()], percent);

        public PoolMarket View(long step, decimal bid, bool won)
        {
            var sorted = History(step).Order().ToList();
            return new PoolMarket
            {
                Pool = info.Name,
                ServerClass = info.Name,
                Desired = EvaluationSetup.NodesPerPool,
                Bid = bid,
                BidStatus = won ? "Won" : "Lost",
                WonCount = won ? EvaluationSetup.NodesPerPool : 0,
                Market = MarketAt(step),
                Hammer = HammerAt(step),
                P20 = PriceDocuments.Percentile(sorted, 20),
                P50 = PriceDocuments.Percentile(sorted, 50),
                P80 = PriceDocuments.Percentile(sorted, 80),
                History = History(step),
            };
        }

        private List<decimal> History(long step) =>
            [.. Enumerable.Range(0, PriceDocuments.HistoryPoints).Select(j => HammerAt(step - PriceDocuments.HistoryPoints + 1 + j))];
    }
}
