using System.Text.Json;

using Rsspot.Pricing;

using static Rsspot.Tests.Pricing.TestCatalogs;

namespace Rsspot.Tests.Pricing;

public class ClusterBuilderTests
{
    // These cases pin the percentile rule (--bid-policy percentile); the documented market rule has its own tests below.
    private static ClusterBuildResult Build(ClusterBuildRequest request) => ClusterBuilder.Build(Standard(), request with { BidPolicy = BidPolicyKind.Percentile });

    private static string[] Classes(ClusterScenario scenario) => [.. scenario.Pools.Select(p => p.ServerClass)];

    [Theory]
    [InlineData(RiskLevel.Low)]
    [InlineData(RiskLevel.Medium)]
    [InlineData(RiskLevel.High)]
    public void Max_performance_takes_the_most_capacity_per_node(RiskLevel risk)
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 4, Risk = risk }).Get(BuildStrategy.MaxPerformance)!;

        ScenarioPool pool = Assert.Single(scenario.Pools);
        Assert.Equal(("mh.vs2.large-iad", Iad, 4), (pool.ServerClass, pool.Region, pool.Nodes));
        Assert.Equal((16m, 120m), (scenario.Vcpu, scenario.MemoryGb));
    }

    [Fact]
    public void Max_performance_reaches_that_capacity_the_cheapest_way()
    {
        PriceCatalog catalog = PriceCatalog.Create(
        [
            Quote("a.vs1.big-dfw", Dfw, "8", "32GB", "0.10"),
            Quote("c.vs1.big-lon", Lon, "8", "32GB", "0.08"),
            Quote("b.vs1.big-iad", Iad, "8", "32GB", "0.08"),
            Quote("d.vs1.small-iad", Iad, "2", "4GB", "0.01"),
        ]);

        ClusterScenario scenario = ClusterBuilder.Build(catalog, new ClusterBuildRequest { Nodes = 2 }).Get(BuildStrategy.MaxPerformance)!;

        Assert.Equal(["b.vs1.big-iad"], Classes(scenario)); // cheapest of the equals; b before c by name
    }

    [Fact]
    public void Generation_two_capacity_counts_ten_percent_more()
    {
        PriceCatalog catalog = PriceCatalog.Create(
        [
            Quote("a.vs1.big-dfw", Dfw, "10", "10GB", "0.10"),
            Quote("b.vs2.big-dfw", Dfw, "9", "10GB", "0.10"), // 19 × 1.1 = 20.9 > 20
        ]);

        ClusterScenario scenario = ClusterBuilder.Build(catalog, new ClusterBuildRequest { Nodes = 1 }).Get(BuildStrategy.MaxPerformance)!;

        Assert.Equal(["b.vs2.big-dfw"], Classes(scenario));
    }

    [Theory]
    [InlineData(RiskLevel.Low)]
    [InlineData(RiskLevel.Medium)]
    [InlineData(RiskLevel.High)]
    public void Max_value_takes_the_most_capacity_per_dollar_of_market_price(RiskLevel risk)
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 3, Risk = risk }).Get(BuildStrategy.MaxValue)!;

        ScenarioPool pool = Assert.Single(scenario.Pools);
        Assert.Equal(("gp.vs1.medium-lon", 3), (pool.ServerClass, pool.Nodes));
        Assert.Equal(pool.MarketPerHour * 3, scenario.HourlyCost);
        Assert.Equal(pool.BidPerNodeHour * 3, scenario.BidHourlyCost);
    }

    [Fact]
    public void Balanced_low_risk_spreads_over_three_classes_in_three_regions()
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 4, Risk = RiskLevel.Low }).Get(BuildStrategy.Balanced)!;

        Assert.Equal(["mh.vs2.large-iad", "gp.vs1.large-dfw", "gp.vs1.medium-lon"], Classes(scenario));
        Assert.Equal([Iad, Dfw, Lon], scenario.Pools.Select(p => p.Region));
        Assert.Equal([2, 1, 1], scenario.Pools.Select(p => p.Nodes));
        Assert.Equal([0.10m, 0.04m, 0.013m], scenario.Pools.Select(p => p.BidPerNodeHour));
        Assert.Equal([BidSource.Percentile, BidSource.Percentile, BidSource.MarketMultiplier], scenario.Pools.Select(p => p.BidSource));
        Assert.Equal(0.179m, scenario.HourlyCost); // totals from the market, as the Python rsspot: 2 × 0.07 + 0.03 + 0.009
        Assert.Equal(0.179m * 730m, scenario.MonthlyCost);
        Assert.Equal(0.179m, scenario.MarketHourlyCost);
        Assert.Equal(0.253m, scenario.BidHourlyCost);
        Assert.Equal((4, 14m, 78.75m), (scenario.Nodes, scenario.Vcpu, scenario.MemoryGb));
        Assert.Empty(scenario.Notes);
    }

    [Fact]
    public void Balanced_medium_risk_uses_two_pools()
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 5, Risk = RiskLevel.Medium }).Get(BuildStrategy.Balanced)!;

        Assert.Equal(["mh.vs2.large-iad", "gp.vs1.large-dfw"], Classes(scenario));
        Assert.Equal([3, 2], scenario.Pools.Select(p => p.Nodes));
        Assert.Equal([0.08m, 0.032m], scenario.Pools.Select(p => p.BidPerNodeHour));
    }

    [Fact]
    public void Balanced_high_risk_uses_one_pool()
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 5, Risk = RiskLevel.High }).Get(BuildStrategy.Balanced)!;

        ScenarioPool pool = Assert.Single(scenario.Pools);
        Assert.Equal(("mh.vs2.large-iad", 5, 0.074m), (pool.ServerClass, pool.Nodes, pool.BidPerNodeHour)); // p20 below market × 1.05 = 0.0735
    }

    [Fact]
    public void Balanced_shares_a_region_when_only_one_is_allowed_and_says_so()
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 6, Risk = RiskLevel.Low, Regions = [Dfw] }).Get(BuildStrategy.Balanced)!;

        Assert.Equal(3, Classes(scenario).Distinct().Count());
        Assert.All(scenario.Pools, p => Assert.Equal(Dfw, p.Region));
        Assert.Contains(scenario.Notes, n => n.Contains("3 pools share 1 region", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RiskLevel.Low)]
    [InlineData(RiskLevel.Medium)]
    public void A_single_region_plan_keeps_every_pool_in_the_best_candidates_region(RiskLevel risk)
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 6, Risk = risk, SingleRegion = true });

        ClusterScenario balanced = result.Get(BuildStrategy.Balanced)!;
        Assert.True(balanced.Pools.Count > 1);
        Assert.All(balanced.Pools, p => Assert.Equal(Iad, p.Region));   // mh.vs2.large-iad ranks first
        Assert.Equal(balanced.Pools.Count, Classes(balanced).Distinct().Count());
        Assert.DoesNotContain(balanced.Notes, n => n.Contains("share", StringComparison.Ordinal));
        Assert.All(result.Scenarios, sc => Assert.Single(sc.Pools.Select(p => p.Region).Distinct()));
    }

    [Fact]
    public void Balanced_with_fewer_nodes_than_pools_says_so()
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 1, Risk = RiskLevel.Low }).Get(BuildStrategy.Balanced)!;

        Assert.Single(scenario.Pools);
        Assert.Equal(["1 node cannot fill 3 pools: spread over 1 pool."], scenario.Notes);
    }

    [Fact]
    public void Balanced_with_fewer_eligible_classes_than_pools_says_so()
    {
        ClusterScenario scenario = Build(new ClusterBuildRequest { Nodes = 3, Risk = RiskLevel.Low, Families = ["mh"] }).Get(BuildStrategy.Balanced)!;

        ScenarioPool pool = Assert.Single(scenario.Pools);
        Assert.Equal(("mh.vs2.large-iad", 3), (pool.ServerClass, pool.Nodes));
        Assert.Equal(["Only 1 distinct server class(es) eligible: spread over 1 pool instead of 3."], scenario.Notes);
    }

    [Fact]
    public void Balanced_narrows_the_spread_when_the_split_breaks_the_budget()
    {
        PriceCatalog catalog = PriceCatalog.Create(
        [
            Quote("a.vs1.a-dfw", Dfw, "4", "4GB", "0.10"),
            Quote("b.vs1.a-iad", Iad, "4", "4GB", "0.10"),
        ]);
        ClusterBuildRequest request = new() { TotalVcpu = 4, Risk = RiskLevel.Medium, MaxHourly = 0.15m };

        ClusterScenario scenario = ClusterBuilder.Build(catalog, request).Get(BuildStrategy.Balanced)!;

        Assert.Equal(["a.vs1.a-dfw"], Classes(scenario));
        Assert.Equal(0.10m, scenario.HourlyCost); // one node at the market price
        Assert.Equal(0.12m, scenario.BidHourlyCost);
        Assert.Equal(["2 pools: $0.20/h exceeds max hourly $0.15; spread over 1 pool instead."], scenario.Notes);
    }

    [Fact]
    public void A_region_without_percentile_data_falls_back_to_the_multiplier_and_says_so()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 2, Risk = RiskLevel.Medium, Regions = [Lon] });

        Assert.All(result.Scenarios, scenario =>
        {
            ScenarioPool pool = Assert.Single(scenario.Pools);
            Assert.Equal(("gp.vs1.medium-lon", 0.011m, BidSource.MarketMultiplier), (pool.ServerClass, pool.BidPerNodeHour, pool.BidSource));
            Assert.Equal("market $0.009 × 1.20 (no percentile data for gp.vs1.medium-lon in uk-lon-1)", pool.BidBasis);
        });
    }

    [Fact]
    public void Empty_and_unreadable_prices_are_excluded_as_unknown()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 2 });

        foreach (ClusterScenario scenario in result.Scenarios)
        {
            Assert.Contains(new CandidateExclusion("gp.bm2.large-dfw", Dfw, BuildConstraint.MarketPrice, "gp.bm2.large-dfw: market price is unknown ('')"), scenario.Exclusions);
            Assert.Contains(new CandidateExclusion("io.bm2-lon", Lon, BuildConstraint.MarketPrice, "io.bm2-lon: market price is unknown ('N/A')"), scenario.Exclusions);
            Assert.DoesNotContain(scenario.Pools, p => p.ServerClass is "gp.bm2.large-dfw" or "io.bm2-lon");
            Assert.All(scenario.Pools, p => Assert.True(p.BidPerNodeHour > 0m));
        }
    }

    [Fact]
    public void Deprecated_classes_are_excluded_even_when_they_would_win()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 2, Risk = RiskLevel.Low });

        Assert.All(result.Scenarios, scenario =>
        {
            Assert.Contains(new CandidateExclusion("gp.vs1.xlarge-dfw", Dfw, BuildConstraint.Availability, "gp.vs1.xlarge-dfw: availability is 'deprecated'"), scenario.Exclusions);
            Assert.DoesNotContain(scenario.Pools, p => p.ServerClass == "gp.vs1.xlarge-dfw");
        });
        Assert.Equal((9, 6), (result.CandidatesConsidered, result.CandidatesEligible));
    }

    [Fact]
    public void Only_unknown_prices_fail_on_the_market_price()
    {
        PriceCatalog catalog = PriceCatalog.Create([Quote("gp.bm2.large-dfw", Dfw, "32", "256GB", "")]);

        ClusterBuildResult result = ClusterBuilder.Build(catalog, new ClusterBuildRequest { Nodes = 1 });

        Assert.Equal(BuildConstraint.MarketPrice, result.Failure!.Constraint);
        Assert.All(result.Scenarios, s => Assert.Equal((false, 0, 0m), (s.IsFeasible, s.Pools.Count, s.HourlyCost)));
    }

    [Fact]
    public void A_budget_that_excludes_all_says_which_bound_and_the_closest_candidate()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 8, MaxHourly = 0.01m });

        Assert.Equal(
            new BuildFailure(
                BuildConstraint.MaxHourly,
                "No candidate fits max hourly $0.01. Closest: gp.vs1.medium-lon: 8 nodes × market $0.009 = $0.072/h exceeds max hourly $0.01"),
            result.Failure);
        Assert.All(result.Scenarios, s =>
        {
            Assert.False(s.IsFeasible);
            Assert.Empty(s.Pools);
            Assert.Equal(result.Failure, s.Failure);
            Assert.Contains(s.Exclusions, e => e.Reason == "gp.vs1.large-dfw: 8 nodes × market $0.03 = $0.24/h exceeds max hourly $0.01");
        });
    }

    [Theory]
    [InlineData(BuildConstraint.MinHourly, "No candidate reaches min hourly $100.00.")]
    [InlineData(BuildConstraint.MaxMonthly, "No candidate fits max monthly $1.00.")]
    [InlineData(BuildConstraint.MinMonthly, "No candidate reaches min monthly $100000.00.")]
    public void Each_budget_bound_is_named_when_it_excludes_all(BuildConstraint bound, string headline)
    {
        ClusterBuildRequest request = bound switch
        {
            BuildConstraint.MinHourly => new ClusterBuildRequest { Nodes = 1, MinHourly = 100m },
            BuildConstraint.MaxMonthly => new ClusterBuildRequest { Nodes = 1, MaxMonthly = 1m },
            _ => new ClusterBuildRequest { Nodes = 1, MinMonthly = 100_000m },
        };

        BuildFailure failure = Build(request).Failure!;

        Assert.Equal(bound, failure.Constraint);
        Assert.StartsWith(headline, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_that_excludes_some_keeps_every_scenario_inside_it()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 4, Risk = RiskLevel.Medium, MaxHourly = 0.25m });

        Assert.Equal("ch.vs1.xlarge-dfw", result.Get(BuildStrategy.MaxPerformance)!.Pools[0].ServerClass);
        Assert.All(result.Scenarios, s =>
        {
            Assert.True(s.HourlyCost <= 0.25m);
            Assert.Contains(
                new CandidateExclusion("mh.vs2.large-iad", Iad, BuildConstraint.MaxHourly, "mh.vs2.large-iad: 4 nodes × market $0.07 = $0.28/h exceeds max hourly $0.25"),
                s.Exclusions);
        });
    }

    [Theory]
    [InlineData("Regions", BuildConstraint.Region, "No server class is in region eu-nowhere-1.")]
    [InlineData("Families", BuildConstraint.Family, "No server class of family xx.")]
    [InlineData("Generations", BuildConstraint.Generation, "No server class of generation vs9.")]
    public void A_filter_that_excludes_all_is_named(string filter, BuildConstraint constraint, string headline)
    {
        ClusterBuildRequest request = filter switch
        {
            "Regions" => new ClusterBuildRequest { Nodes = 1, Regions = ["eu-nowhere-1"] },
            "Families" => new ClusterBuildRequest { Nodes = 1, Families = ["xx"] },
            _ => new ClusterBuildRequest { Nodes = 1, Generations = ["vs9"] },
        };

        BuildFailure failure = Build(request).Failure!;

        Assert.Equal(constraint, failure.Constraint);
        Assert.StartsWith(headline, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_catalog_fails_on_the_catalog()
    {
        ClusterBuildResult result = ClusterBuilder.Build(Array.Empty<PriceRow>(), new ClusterBuildRequest { Nodes = 1 });

        Assert.Equal(BuildConstraint.Catalog, result.Failure!.Constraint);
        Assert.Equal(3, result.Scenarios.Count);
    }

    [Fact]
    public void Unknown_cpu_or_memory_is_excluded()
    {
        PriceCatalog catalog = PriceCatalog.Create([Quote("a.vs1.a-dfw", Dfw, "", "4GB", "0.01"), Quote("b.vs1.a-dfw", Dfw, "2", "4GB", "0.01")]);

        ClusterBuildResult result = ClusterBuilder.Build(catalog, new ClusterBuildRequest { Nodes = 1 });

        Assert.Equal(BuildConstraint.Capacity, Assert.Single(result.Scenarios[0].Exclusions).Constraint);
        Assert.All(result.Scenarios, s => Assert.Equal(["b.vs1.a-dfw"], Classes(s)));
    }

    [Fact]
    public void A_capacity_target_sets_the_node_count_per_class()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { TotalVcpu = 8, TotalMemoryGb = 100, Risk = RiskLevel.Medium });

        ClusterScenario performance = result.Get(BuildStrategy.MaxPerformance)!;
        Assert.Equal(("mh.vs2.large-iad", 4), (performance.Pools[0].ServerClass, performance.Pools[0].Nodes)); // memory needs ceil(100/30)
        ClusterScenario balanced = result.Get(BuildStrategy.Balanced)!;
        Assert.Equal([2, 4], balanced.Pools.Select(p => p.Nodes)); // 50 GB each: ceil(50/30), ceil(50/15)
        Assert.All(result.Scenarios, s => Assert.True(s.Vcpu >= 8 && s.MemoryGb >= 100));
    }

    [Fact]
    public void A_fixed_node_count_must_reach_the_requested_capacity()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 2, TotalVcpu = 16 });

        Assert.All(result.Scenarios, s => Assert.Equal(["ch.vs1.xlarge-dfw"], Classes(s)));
        Assert.Contains(
            new CandidateExclusion("gp.vs1.large-dfw", Dfw, BuildConstraint.RequestedCapacity, "gp.vs1.large-dfw: 2 nodes × 4 vCPU = 8 vCPU is below the requested 16 vCPU"),
            result.Scenarios[0].Exclusions);
    }

    [Fact]
    public void Only_requested_strategies_are_built_in_canonical_order()
    {
        ClusterBuildResult result = Build(new ClusterBuildRequest { Nodes = 1, Strategies = [BuildStrategy.Balanced, BuildStrategy.MaxPerformance] });

        Assert.Equal([BuildStrategy.MaxPerformance, BuildStrategy.Balanced], result.Scenarios.Select(s => s.Strategy));
        Assert.Null(result.Get(BuildStrategy.MaxValue));
    }

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_scenarios()
    {
        // Many equal prices and capacities, so only the name tie-break separates candidates.
        PriceCatalog catalog = PriceCatalog.Create(
            Enumerable.Range(0, 60).Select(i => Quote($"gp.vs{1 + (i % 2)}.s{i % 5}-{(i % 3 == 0 ? "dfw" : i % 3 == 1 ? "iad" : "lon")}{i}", i % 3 == 0 ? Dfw : i % 3 == 1 ? Iad : Lon, "4", "8GB", "0.02")),
            Enumerable.Range(0, 60).Where(i => i % 4 == 0).Select(i => Percentiles($"gp.vs{1 + (i % 2)}.s{i % 5}-{(i % 3 == 0 ? "dfw" : i % 3 == 1 ? "iad" : "lon")}{i}", i % 3 == 0 ? Dfw : i % 3 == 1 ? Iad : Lon, 0.015m, 0.02m, 0.025m)));
        ClusterBuildRequest request = new() { Nodes = 7, Risk = RiskLevel.Low, MaxHourly = 1m };
        string expected = JsonSerializer.Serialize(ClusterBuilder.Build(catalog, request));

        for (int seed = 0; seed < 5; seed++)
        {
            PriceRow[] shuffled = [.. catalog.Rows];
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, JsonSerializer.Serialize(ClusterBuilder.Build(shuffled, request)));
        }

        Assert.Equal(3, ClusterBuilder.Build(catalog, request).Get(BuildStrategy.Balanced)!.Pools.Count);
    }

    [Fact]
    public void Shuffled_sources_give_the_same_catalog_and_build()
    {
        ServerClassQuote[] servers = StandardServerClasses();
        PercentileQuote[] percentiles = StandardPercentiles();
        ClusterBuildRequest request = new() { Nodes = 5, Risk = RiskLevel.Low };
        string expected = JsonSerializer.Serialize(ClusterBuilder.Build(PriceCatalog.Create(servers, percentiles), request));

        new Random(42).Shuffle(servers);
        new Random(7).Shuffle(percentiles);

        Assert.Equal(expected, JsonSerializer.Serialize(ClusterBuilder.Build(PriceCatalog.Create(servers, percentiles), request)));
    }

    public static TheoryData<ClusterBuildRequest, string> InvalidRequests => new()
    {
        { new ClusterBuildRequest(), "Nodes" },
        { new ClusterBuildRequest { Nodes = 0 }, "Nodes" },
        { new ClusterBuildRequest { Nodes = -3 }, "Nodes" },
        { new ClusterBuildRequest { TotalVcpu = 0 }, "TotalVcpu" },
        { new ClusterBuildRequest { TotalMemoryGb = -1 }, "TotalMemoryGb" },
        { new ClusterBuildRequest { Nodes = 1, MinHourly = 2, MaxHourly = 1 }, "MinHourly" },
        { new ClusterBuildRequest { Nodes = 1, MinMonthly = 200, MaxMonthly = 100 }, "MinMonthly" },
        { new ClusterBuildRequest { Nodes = 1, MaxMonthly = -1 }, "MaxMonthly" },
        { new ClusterBuildRequest { Nodes = 1, Risk = (RiskLevel)9 }, "Risk" },
        { new ClusterBuildRequest { Nodes = 1, Strategies = [(BuildStrategy)9] }, "Strategies" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Invalid_requests_throw_naming_the_parameter(ClusterBuildRequest request, string parameter)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => Build(request));

        Assert.Equal(parameter, error.ParamName);
    }
}
