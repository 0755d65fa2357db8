using System.Globalization;
using System.Text.Json;

using CsCheck;

using Rsspot.Pricing;

namespace Rsspot.Tests.Pricing;

public class ClusterBuilderPropertyTests
{
    private const long Iterations = 400;

    private static readonly string[] Sites = ["dfw", "iad", "lon", "ord"];

    private static readonly Gen<ServerClassQuote> GenQuote =
        from family in Gen.OneOf("gp", "ch", "mh")
        from generation in Gen.OneOf("vs1", "vs2", "bm2")
        from site in Gen.Int[0, Sites.Length - 1]
        from id in Gen.Int[0, 1_000_000]
        from cpu in Gen.Frequency((9, Gen.Int[1, 64].Select(c => c.ToString(CultureInfo.InvariantCulture))), (1, Gen.OneOf("", "n/a")))
        from memory in Gen.Frequency((9, Gen.Int[1, 512].Select(m => m.ToString(CultureInfo.InvariantCulture) + "GB")), (1, Gen.Const("")))
        from market in Gen.Frequency((8, Gen.Int[1, 5000].Select(Price)), (1, Gen.OneOf("", "N/A")))
        from minimumBid in Gen.Frequency((4, Gen.Const((string?)null)), (1, Gen.Int[1, 3000].Select(p => (string?)Price(p))))
        from availability in Gen.Frequency((9, Gen.Const("available")), (1, Gen.Const("deprecated")))
        select new ServerClassQuote($"{family}.{generation}.s{id}-{Sites[site]}", "region-" + Sites[site])
        {
            Cpu = cpu,
            Memory = memory,
            MarketPricePerHour = market,
            MinimumBidPrice = minimumBid,
            Availability = availability,
        };

    private static readonly Gen<PriceRow[]> GenRows =
        from quotes in GenQuote.Array[0, 30]
        from withPercentiles in Gen.Bool.Array[quotes.Length]
        from spread in Gen.Int[0, 2000].Array[quotes.Length]
        select PriceCatalog.Create(quotes, quotes.Where((_, i) => withPercentiles[i]).Select((q, i) => Percentiles(q, spread[i]))).Rows.ToArray();

    private static readonly Gen<decimal?> GenBudget = Gen.Frequency(
        (3, Gen.Const((decimal?)null)),
        (2, Gen.Int[0, 300].Select(cents => (decimal?)(cents / 100m))),
        (1, Gen.Int[0, 5000].Select(cents => (decimal?)(cents / 100m))));

    private static readonly Gen<ClusterBuildRequest> GenRequest =
        from mode in Gen.Int[0, 2]
        from nodes in Gen.Int[1, 40]
        from vcpu in Gen.Int[1, 300].Nullable(0.3)
        from memory in Gen.Int[1, 1000].Nullable(0.5)
        from risk in Gen.OneOf(RiskLevel.Low, RiskLevel.Medium, RiskLevel.High)
        from policy in Gen.OneOf(BidPolicyKind.Market, BidPolicyKind.Percentile)
        from hourly in Gen.Select(GenBudget, GenBudget)
        from monthly in Gen.Select(GenBudget.Select(b => b * 500), GenBudget.Select(b => b * 500))
        from region in Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf(Sites).Select(s => (string?)s)))
        select new ClusterBuildRequest
        {
            Nodes = mode == 1 ? null : nodes,
            TotalVcpu = mode == 0 ? null : vcpu ?? (memory is null ? 8 : null),
            TotalMemoryGb = mode == 0 ? null : memory,
            Risk = risk,
            BidPolicy = policy,
            MinHourly = Min(hourly.Item1, hourly.Item2),
            MaxHourly = Max(hourly.Item1, hourly.Item2),
            MinMonthly = Min(monthly.Item1, monthly.Item2),
            MaxMonthly = Max(monthly.Item1, monthly.Item2),
            Regions = region is null ? null : [region],
        };

    [Fact]
    public void Every_scenario_respects_the_budget_bounds_and_the_requested_size() =>
        Gen.Select(GenRows, GenRequest).Sample((rows, request) =>
        {
            ClusterBuildResult result = ClusterBuilder.Build(rows, request);

            foreach (ClusterScenario scenario in result.Scenarios.Where(s => s.IsFeasible))
            {
                Assert.InRange(scenario.HourlyCost, request.MinHourly ?? 0m, request.MaxHourly ?? decimal.MaxValue);
                Assert.InRange(scenario.MonthlyCost, request.MinMonthly ?? 0m, request.MaxMonthly ?? decimal.MaxValue);
                Assert.Equal(scenario.HourlyCost * 730m, scenario.MonthlyCost);
                if (request.Nodes is int nodes)
                {
                    Assert.Equal(nodes, scenario.Nodes);
                }

                Assert.True(scenario.Vcpu >= (request.TotalVcpu ?? 0m), $"{scenario.Vcpu} vCPU < {request.TotalVcpu}");
                Assert.True(scenario.MemoryGb >= (request.TotalMemoryGb ?? 0m), $"{scenario.MemoryGb} GB < {request.TotalMemoryGb}");
            }
        }, iter: Iterations);

    [Fact]
    public void A_max_budget_below_the_unconstrained_balanced_cost_is_still_respected() =>
        Gen.Select(GenRows, GenRequest, Gen.Int[30, 100]).Sample((rows, request, percent) =>
        {
            ClusterBuildRequest open = request with { MinHourly = null, MaxHourly = null, MinMonthly = null, MaxMonthly = null };
            ClusterScenario balanced = ClusterBuilder.Build(rows, open).Get(BuildStrategy.Balanced)!;
            if (!balanced.IsFeasible)
            {
                return;
            }

            decimal cap = balanced.HourlyCost * percent / 100m;
            ClusterBuildResult result = ClusterBuilder.Build(rows, open with { MaxHourly = cap });

            Assert.All(result.Scenarios.Where(s => s.IsFeasible), s => Assert.True(s.HourlyCost <= cap, $"{s.Strategy}: {s.HourlyCost} > {cap}"));
            Assert.All(result.Scenarios.Where(s => s.IsFeasible), s => Assert.True(s.Vcpu >= (open.TotalVcpu ?? 0m) && s.MemoryGb >= (open.TotalMemoryGb ?? 0m)));
        }, iter: Iterations);

    [Fact]
    public void Pools_use_eligible_classes_with_bids_at_or_above_the_floors() =>
        Gen.Select(GenRows, GenRequest).Sample((rows, request) =>
        {
            ClusterBuildResult result = ClusterBuilder.Build(rows, request);

            foreach (ClusterScenario scenario in result.Scenarios.Where(s => s.IsFeasible))
            {
                int maxPools = scenario.Strategy == BuildStrategy.Balanced ? BidPolicy.BalancedPoolCount(request.Risk) : 1;
                Assert.InRange(scenario.Pools.Count, 1, maxPools);
                Assert.Equal(scenario.Pools.Count, scenario.Pools.Select(p => p.ServerClass).Distinct().Count());
                foreach (ScenarioPool pool in scenario.Pools)
                {
                    PriceRow row = rows.Single(r => r.ClassName == pool.ServerClass && r.Region == pool.Region);
                    Assert.True(row.IsAvailable);
                    Assert.True(pool.Nodes >= 1);
                    Assert.True(pool.BidPerNodeHour >= row.MarketPerHour!.Value);
                    Assert.True(pool.BidPerNodeHour >= (row.MinimumBidPerHour ?? 0m));
                    Assert.True(pool.BidPerNodeHour >= row.MarketPerHour!.Value * BidPolicy.AtRiskMultiplier);
                    Assert.Equal(request.BidPolicy == BidPolicyKind.Percentile && TargetPercentile(row, request.Risk) is not null ? BidSource.Percentile : BidSource.MarketMultiplier, pool.BidSource);
                    Assert.DoesNotContain(scenario.Exclusions, e => e.ServerClass == row.ClassName && e.Region == row.Region);
                }
            }
        }, iter: Iterations);

    [Fact]
    public void A_build_fails_exactly_when_every_candidate_is_excluded() =>
        Gen.Select(GenRows, GenRequest).Sample((rows, request) =>
        {
            ClusterBuildResult result = ClusterBuilder.Build(rows, request);

            Assert.Equal(3, result.Scenarios.Count);
            Assert.All(result.Scenarios, s => Assert.Equal(result.CandidatesConsidered - result.CandidatesEligible, s.Exclusions.Count));
            Assert.Equal(result.CandidatesEligible == 0, result.Failure is not null);
            Assert.All(result.Scenarios, s => Assert.Equal(result.Failure, s.Failure));
            if (result.Failure is BuildFailure failure && rows.Length > 0)
            {
                Assert.Contains(result.Scenarios[0].Exclusions, e => e.Constraint == failure.Constraint);
                Assert.DoesNotContain(result.Scenarios[0].Exclusions, e => e.Constraint > failure.Constraint);
            }
        }, iter: Iterations);

    [Fact]
    public void Single_pool_strategies_are_optimal_over_the_eligible_candidates() =>
        Gen.Select(GenRows, GenRequest).Sample((rows, request) =>
        {
            ClusterBuildResult result = ClusterBuilder.Build(rows, request);
            if (result.Failure is not null)
            {
                return;
            }

            HashSet<(string, string)> excluded = [.. result.Scenarios[0].Exclusions.Select(e => (e.ServerClass, e.Region))];
            PriceRow[] eligible = [.. rows.Where(r => !excluded.Contains((r.ClassName, r.Region)))];
            ScenarioPool performance = result.Get(BuildStrategy.MaxPerformance)!.Pools[0];
            ScenarioPool value = result.Get(BuildStrategy.MaxValue)!.Pools[0];

            Assert.Equal(eligible.Max(Capacity), Capacity(Row(rows, performance)));
            // Value is capacity per dollar of market price, as the Python rsspot ranks it.
            Assert.Equal(eligible.Max(r => Capacity(r) / r.MarketPerHour!.Value), Capacity(Row(rows, value)) / value.MarketPerHour);
        }, iter: Iterations);

    [Fact]
    public void Row_order_does_not_change_the_result() =>
        Gen.Select(GenRows, GenRequest, Gen.Int).Sample((rows, request, seed) =>
        {
            PriceRow[] shuffled = [.. rows];
            new Random(seed).Shuffle(shuffled);

            Assert.Equal(JsonSerializer.Serialize(ClusterBuilder.Build(rows, request)), JsonSerializer.Serialize(ClusterBuilder.Build(shuffled, request)));
        }, iter: 200);

    private static PriceRow Row(PriceRow[] rows, ScenarioPool pool) => rows.Single(r => r.ClassName == pool.ServerClass && r.Region == pool.Region);

    // Independent of the builder: (vCPU + GB) × 1.1 from generation 2 on.
    private static decimal Capacity(PriceRow row) => (row.Cpu!.Value + row.MemoryGb!.Value) * (row.Name.Generation is "vs2" or "bm2" ? 1.1m : 1m);

    private static decimal? TargetPercentile(PriceRow row, RiskLevel risk) => risk switch
    {
        RiskLevel.Low => row.P80,
        RiskLevel.Medium => row.P50,
        _ => row.P20,
    };

    private static string Price(int tenThousandths) => (tenThousandths / 10000m).ToString(CultureInfo.InvariantCulture);

    private static PercentileQuote Percentiles(ServerClassQuote quote, int spread)
    {
        decimal market = PriceText.ParseUsd(quote.MarketPricePerHour) ?? 0.01m;
        decimal step = market * spread / 10000m;
        return new PercentileQuote(quote.Region!, quote.Name)
        {
            P20 = market - step,
            P50 = spread % 3 == 0 ? null : market,
            P80 = market + step,
        };
    }

    private static decimal? Min(decimal? a, decimal? b) => a is null || b is null ? a ?? b : Math.Min(a.Value, b.Value);

    private static decimal? Max(decimal? a, decimal? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);
}
