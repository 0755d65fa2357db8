using Rsspot.Pricing;

namespace Rsspot.Tests.Pricing;

/// <summary>The bid guard's classification and bid arithmetic, pool by pool and across a budget.</summary>
public sealed class BidGuardPlannerTests
{
    private static PoolMarket Pool(decimal? bid, decimal? market, decimal? p80 = null, int desired = 1, int? won = null, decimal? minimum = null, decimal[]? history = null, string name = "pool-a") => new()
    {
        Pool = name,
        Cloudspace = "prod",
        ServerClass = "gp.vs1.medium-dfw",
        Desired = desired,
        Bid = bid,
        BidStatus = won is null ? "Won" : won < desired ? "Lost" : "Won",
        WonCount = won ?? desired,
        Market = market,
        P20 = p80,
        P50 = p80,
        P80 = p80,
        Minimum = minimum,
        History = history ?? [],
    };

    [Theory]
    [InlineData(0.0600, 0.0500, PoolBidStatus.Winning)]
    [InlineData(0.0540, 0.0500, PoolBidStatus.AtRisk)]
    [InlineData(0.0500, 0.0500, PoolBidStatus.AtRisk)]
    [InlineData(0.0499, 0.0500, PoolBidStatus.Losing)]
    public void Status_follows_the_bid_against_the_market_and_margin(double bid, double market, PoolBidStatus expected)
    {
        var r = BidGuardPlanner.Recommend(Pool((decimal)bid, (decimal)market), new BidGuardPolicy { Margin = 0.10m });
        Assert.Equal(expected, r.Status);
        Assert.StartsWith(BidGuardText.Of(expected) + ":", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_nodes_won_than_desired_is_losing_even_above_the_market()
    {
        var r = BidGuardPlanner.Recommend(Pool(0.0800m, 0.0500m, desired: 3, won: 1), new BidGuardPolicy());
        Assert.Equal(PoolBidStatus.Losing, r.Status);
        Assert.Contains("won 1 of 3", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_market_rising_towards_the_bid_is_at_risk_before_it_is_within_the_margin()
    {
        var rising = Pool(0.0600m, 0.0520m, history: [0.0400m, 0.0430m, 0.0460m, 0.0490m, 0.0520m]);
        var r = BidGuardPlanner.Recommend(rising, new BidGuardPolicy { Margin = 0.10m, TrendHorizon = 3 });
        Assert.Equal(PoolBidStatus.AtRisk, r.Status);
        Assert.Equal(0.0030m, r.TrendPerAuction);
        Assert.Contains("rising", r.Reason, StringComparison.Ordinal);
        Assert.Equal(BidAction.Raise, r.Action);
    }

    [Fact]
    public void The_target_is_the_higher_of_percentile_and_market_plus_margin_and_never_below_the_minimum()
    {
        var policy = new BidGuardPolicy { Margin = 0.10m };
        Assert.Equal(0.0770m, BidGuardPlanner.Recommend(Pool(0.0500m, 0.0600m, p80: 0.0700m), policy).RecommendedBid);
        Assert.Equal(0.0660m, BidGuardPlanner.Recommend(Pool(0.0500m, 0.0600m, p80: 0.0400m), policy).RecommendedBid);
        var withMinimum = BidGuardPlanner.Recommend(Pool(0.0500m, 0.0600m, minimum: 0.0900m), policy);
        Assert.Equal(0.0900m, withMinimum.RecommendedBid);
        Assert.Contains("minimum", withMinimum.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_max_bid_caps_a_raise()
    {
        var r = BidGuardPlanner.Recommend(Pool(0.0400m, 0.0480m), new BidGuardPolicy { MaxBid = 0.0500m });
        Assert.Equal(BidAction.Raise, r.Action);
        Assert.Equal(0.0500m, r.RecommendedBid);
        Assert.True(r.LimitedByMaxBid);
        Assert.Contains("capped at the ceiling $0.05 (the max bid you set)", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_market_above_the_max_bid_is_held_and_reported_instead_of_chased()
    {
        var r = BidGuardPlanner.Recommend(Pool(0.0400m, 0.0600m), new BidGuardPolicy { MaxBid = 0.0500m });
        Assert.Equal((PoolBidStatus.Losing, BidAction.Hold, 0.0400m), (r.Status, r.Action, r.RecommendedBid));
        Assert.True(r.MarketAboveCeiling);
        Assert.Contains("market above ceiling", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_max_bid_that_may_only_lower_never_raises_the_on_demand_ceiling()
    {
        var glitch = Pool(0.0200m, 99_999m, p80: 99_999m) with { OnDemand = 0.024m };

        var raisedByCaller = BidGuardPlanner.Recommend(glitch, new BidGuardPolicy { MaxBid = 50m, MaxBidOnlyLowers = true });
        var lowered = BidGuardPlanner.Recommend(Pool(0.0100m, 0.0180m) with { OnDemand = 0.024m }, new BidGuardPolicy { MaxBid = 0.0150m, MaxBidOnlyLowers = true });

        Assert.Equal((BidAction.Hold, 0.0200m, 0.024m), (raisedByCaller.Action, raisedByCaller.RecommendedBid, raisedByCaller.Ceiling));
        Assert.True(raisedByCaller.MarketAboveCeiling);
        Assert.Equal(0.0150m, lowered.Ceiling);
        Assert.Equal(0.0150m, BidGuardPlanner.CeilingOf(Pool(0.0100m, 0.0180m) with { OnDemand = 0.024m }, new BidGuardPolicy { MaxBid = 0.0150m, MaxBidOnlyLowers = true }).Ceiling);
    }

    [Fact]
    public void A_price_feed_glitch_above_the_on_demand_price_is_never_bid()
    {
        var glitch = Pool(0.0300m, 99_999m, p80: 99_999m) with { OnDemand = 0.024m };

        var r = BidGuardPlanner.Recommend(glitch, new BidGuardPolicy());

        Assert.Equal((PoolBidStatus.Losing, BidAction.Hold, 0.0300m, 0.024m), (r.Status, r.Action, r.RecommendedBid, r.Ceiling));
        Assert.False(r.ChangesBid);
        Assert.Contains("market above ceiling", r.Reason, StringComparison.Ordinal);
        Assert.Contains("$0.024 (its on-demand price)", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raise_stops_at_the_on_demand_price()
    {
        var r = BidGuardPlanner.Recommend(Pool(0.0200m, 0.0230m, p80: 0.0235m) with { OnDemand = 0.024m }, new BidGuardPolicy());
        Assert.Equal((BidAction.Raise, 0.024m), (r.Action, r.RecommendedBid));
        Assert.True(r.LimitedByMaxBid);
    }

    [Fact]
    public void A_pending_pool_is_judged_by_its_bid_labelled_pending_and_its_far_too_high_bid_lowered()
    {
        // Right after creation: no auction yet, nothing won. Bidding 10× the market is not "losing".
        var pending = Pool(0.5000m, 0.0500m, p80: 0.0500m, desired: 2) with { BidStatus = "Pending", WonCount = 0, OnDemand = 1m };

        var r = BidGuardPlanner.Recommend(pending, new BidGuardPolicy());

        Assert.Equal(PoolBidStatus.Winning, r.Status);
        Assert.StartsWith("pending (winning, no auction yet)", r.Reason, StringComparison.Ordinal);
        Assert.Equal((BidAction.Lower, 0.053m), (r.Action, r.RecommendedBid));
        Assert.Contains("more than 30 % above its target", r.Reason, StringComparison.Ordinal);
        Assert.True(BidGuardPlanner.Plan([pending], new BidGuardPolicy()).AllWinning);
    }

    [Fact]
    public void A_pending_pool_below_the_market_is_losing_on_price_and_says_so()
    {
        var r = BidGuardPlanner.Recommend(Pool(0.0400m, 0.0500m) with { BidStatus = "Pending", WonCount = 0 }, new BidGuardPolicy());
        Assert.Equal(PoolBidStatus.Losing, r.Status);
        Assert.Contains("below the market", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_losing_pool_whose_bid_is_above_target_says_a_raise_would_not_help()
    {
        var r = BidGuardPlanner.Recommend(Pool(0.0800m, 0.0500m, p80: 0.0500m, desired: 3, won: 1), new BidGuardPolicy());
        Assert.Equal((PoolBidStatus.Losing, BidAction.Hold), (r.Status, r.Action));
        Assert.Contains("already above its target", r.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("at its target", r.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RiskLevel.Low, "0.0214")]
    [InlineData(RiskLevel.Medium, "0.0214")]
    [InlineData(RiskLevel.High, "0.0214")]
    [InlineData(RiskLevel.High, "0.0345")]
    [InlineData(RiskLevel.Low, "0.0007")]
    [InlineData(RiskLevel.High, "0.9999")]
    public void A_plans_bid_is_neither_at_risk_nor_lowered_by_the_guards_defaults(RiskLevel risk, string marketText)
    {
        decimal market = decimal.Parse(marketText, System.Globalization.CultureInfo.InvariantCulture);
        var row = PriceCatalog.Create(
            [new ServerClassQuote("gp.vs1.medium-dfw", "us-central-dfw-1") { Cpu = "2", Memory = "4GB", MarketPricePerHour = marketText }],
            [new PercentileQuote("us-central-dfw-1", "gp.vs1.medium-dfw") { P20 = market, P50 = market, P80 = market }]).Rows[0];
        foreach (var kind in new[] { BidPolicyKind.Market, BidPolicyKind.Percentile })
        {
            decimal bid = BidPolicy.Suggest(row, risk, kind)!.PerNodeHour;

            var r = BidGuardPlanner.Recommend(Pool(bid, market, p80: market), new BidGuardPolicy());

            Assert.True((PoolBidStatus.Winning, BidAction.Hold) == (r.Status, r.Action), $"{kind} {risk} bid {bid} at market {market}: {r.Reason}");
        }
    }

    [Fact]
    public void Lowering_has_hysteresis_so_a_lowered_bid_is_not_raised_or_lowered_again()
    {
        var policy = new BidGuardPolicy { Margin = 0.10m, LowerAbove = 0.25m };
        var high = BidGuardPlanner.Recommend(Pool(0.1000m, 0.0500m, p80: 0.0500m), policy);
        Assert.Equal(BidAction.Lower, high.Action);
        Assert.Equal(0.0550m, high.RecommendedBid);

        var after = BidGuardPlanner.Recommend(Pool(high.RecommendedBid, 0.0500m, p80: 0.0500m), policy);
        Assert.Equal(PoolBidStatus.Winning, after.Status);
        Assert.Equal(BidAction.Hold, after.Action);

        var insideBand = BidGuardPlanner.Recommend(Pool(0.0680m, 0.0500m, p80: 0.0500m), policy);
        Assert.Equal(BidAction.Hold, insideBand.Action);
    }

    [Fact]
    public void The_budget_serves_losing_pools_first_and_cuts_the_rest_to_what_fits()
    {
        var pools = new[]
        {
            Pool(0.0540m, 0.0500m, desired: 2, name: "at-risk"),
            Pool(0.0400m, 0.0500m, desired: 2, name: "losing"),
        };
        var plan = BidGuardPlanner.Plan(pools, new BidGuardPolicy { Margin = 0.10m, BudgetMonthly = 0.2200m * 730 });

        Assert.Equal(0.1880m, plan.HourlyBefore);
        var losing = plan.Recommendations.Single(r => r.Pool.Pool == "losing");
        var atRisk = plan.Recommendations.Single(r => r.Pool.Pool == "at-risk");
        Assert.Equal(0.0550m, losing.RecommendedBid);
        Assert.False(losing.LimitedByBudget);
        Assert.Equal(0.0550m, atRisk.RecommendedBid);
        Assert.True(plan.HourlyAfter <= 0.2200m);

        var tight = BidGuardPlanner.Plan(pools, new BidGuardPolicy { Margin = 0.10m, BudgetHourly = 0.2181m });
        Assert.Equal(0.0550m, tight.Recommendations.Single(r => r.Pool.Pool == "losing").RecommendedBid);
        var cut = tight.Recommendations.Single(r => r.Pool.Pool == "at-risk");
        Assert.True(cut.LimitedByBudget);
        Assert.Equal(BidAction.Hold, cut.Action);
        Assert.Contains("budget", cut.Reason, StringComparison.Ordinal);
        Assert.True(tight.HourlyAfter <= 0.2181m);
    }

    [Fact]
    public void An_unknown_market_or_bid_holds_and_says_why()
    {
        var noMarket = BidGuardPlanner.Recommend(Pool(0.0500m, null), new BidGuardPolicy());
        Assert.Equal(BidAction.Hold, noMarket.Action);
        Assert.Contains("no market price", noMarket.Reason, StringComparison.Ordinal);
        var noBid = BidGuardPlanner.Recommend(Pool(null, 0.0500m), new BidGuardPolicy());
        Assert.Equal(BidAction.Hold, noBid.Action);
        Assert.Contains("not a price", noBid.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Margin")]
    [InlineData("TargetPercentile")]
    [InlineData("MaxBid")]
    [InlineData("BudgetHourly")]
    public void A_policy_out_of_range_names_the_setting(string setting)
    {
        var policy = setting switch
        {
            "Margin" => new BidGuardPolicy { Margin = -0.1m },
            "TargetPercentile" => new BidGuardPolicy { TargetPercentile = 90 },
            "MaxBid" => new BidGuardPolicy { MaxBid = 0m },
            _ => new BidGuardPolicy { BudgetHourly = -1m },
        };
        var error = Assert.ThrowsAny<ArgumentException>(policy.Validate);
        Assert.Equal(setting, error.ParamName);
    }
}
