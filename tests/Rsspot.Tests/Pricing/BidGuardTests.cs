using Rsspot.Emulator;
using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.State;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Pricing;

/// <summary>The bid guard over the emulator, on price paths scripted through the emulator's market.</summary>
public sealed class BidGuardTests : IAsyncLifetime
{
    private const string Medium = "gp.vs1.medium-dfw";
    private const string Large = "gp.vs1.large-dfw";

    private readonly TempDirectory _dir = new();
    private EmulatorHost _emulator = null!;
    private SpotClient _client = null!;
    private StateStore _state = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _client = EmulatorClients.Create(_emulator, _dir.Path);
        _state = StateStore.Open(Path.Combine(_dir.Path, "guard.db"));
        await _client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("guarded", "us-central-dfw-1"));
    }

    public async Task DisposeAsync()
    {
        _state.Dispose();
        _client.Dispose();
        await _emulator.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_rising_market_is_met_by_raises_before_the_pool_is_outbid_and_every_change_is_recorded()
    {
        FlatHistory(Medium, 0.0500m);
        var pool = await CreatePoolAsync(Medium, 0.0600m, desired: 2);
        var guard = new BidGuard(_client, new BidGuardPolicy { Margin = 0.10m }, _state);

        var firstRaiseMarket = (decimal?)null;
        var applied = new List<BidChange>();
        for (var market = 0.0520m; market <= 0.0800m; market += 0.0020m)
        {
            _emulator.ScriptMarketPrices(Medium, market);
            var round = await guard.RunAsync("guarded", apply: true);

            var seen = Assert.Single(round.Plan.Recommendations);
            Assert.Equal("Won", seen.Pool.BidStatus);
            Assert.Empty(round.Failed);
            if (round.Changes.Count > 0)
            {
                firstRaiseMarket ??= market;
                Assert.All(round.Changes, c => Assert.True(c.NewBid >= market * 1.10m, $"new bid {c.NewBid} at market {market}"));
            }

            applied.AddRange(round.Changes);
        }

        Assert.NotNull(firstRaiseMarket);
        Assert.True(firstRaiseMarket < 0.0600m, $"the first raise came at market {firstRaiseMarket}, at or above the original bid");
        Assert.Equal("Won", (await _client.SpotNodePools.GetAsync(pool)).Status!.BidStatus);
        var recorded = _state.BidChanges.List(100).Reverse().ToList();
        Assert.Equal(applied.Select(c => (c.Pool, c.OldBid, c.NewBid)), recorded.Select(c => (c.Pool, c.OldBid, c.NewBid)));
        Assert.All(recorded, c => Assert.Equal("at-risk", c.Status));
        Assert.All(recorded, c => Assert.Contains("market", c.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(await _client.Inventory.ListEventsAsync(), e => e.Message.Contains("outbid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Raises_stay_within_the_per_pool_cap_and_the_cluster_budget()
    {
        FlatHistory(Medium, 0.0500m);
        FlatHistory(Large, 0.1000m);
        var small = await CreatePoolAsync(Medium, 0.0490m, desired: 2);
        var big = await CreatePoolAsync(Large, 0.1010m, desired: 3);
        var policy = new BidGuardPolicy { Margin = 0.20m, MaxBid = 0.1100m, BudgetHourly = 0.4300m };
        var guard = new BidGuard(_client, policy, _state);

        var round = await guard.RunAsync("guarded", apply: true);

        Assert.Equal(PoolBidStatus.Losing, round.Plan.Recommendations.Single(r => r.Pool.Pool == small).Status);
        Assert.Equal(PoolBidStatus.AtRisk, round.Plan.Recommendations.Single(r => r.Pool.Pool == big).Status);
        Assert.All(round.Changes, c => Assert.True(c.NewBid <= 0.1100m, $"{c.Pool} bid {c.NewBid} over the cap"));
        var bids = new Dictionary<string, decimal>
        {
            [small] = BidOf(await _client.SpotNodePools.GetAsync(small)),
            [big] = BidOf(await _client.SpotNodePools.GetAsync(big)),
        };
        Assert.True((bids[small] * 2) + (bids[big] * 3) <= 0.4300m, $"bids {bids[small]} and {bids[big]} exceed the budget");
        Assert.Equal(0.0600m, bids[small]);
        Assert.Equal(0.103m, bids[big]);
        var bigPlan = round.Plan.Recommendations.Single(r => r.Pool.Pool == big);
        Assert.True(bigPlan.LimitedByMaxBid);
        Assert.True(bigPlan.LimitedByBudget);
        Assert.Contains("budget", bigPlan.Reason, StringComparison.Ordinal);
        Assert.True(round.Plan.HourlyAfter <= 0.4300m);
    }

    [Fact]
    public async Task A_market_that_falls_far_below_the_bid_lowers_it_once_and_then_holds()
    {
        FlatHistory(Medium, 0.0500m);
        var pool = await CreatePoolAsync(Medium, 0.1000m, desired: 1);
        var guard = new BidGuard(_client, new BidGuardPolicy { Margin = 0.10m }, _state);

        var first = await guard.RunAsync("guarded", apply: true);
        var change = Assert.Single(first.Changes);
        Assert.Equal(0.1000m, change.OldBid);
        Assert.Equal(0.0550m, change.NewBid);
        Assert.Equal("winning", change.Status);
        Assert.Equal(0.0550m, BidOf(await _client.SpotNodePools.GetAsync(pool)));

        _emulator.ScriptMarketPrices(Medium, 0.0490m, 0.0500m, 0.0495m);
        var second = await guard.RunAsync("guarded", apply: true);
        Assert.Empty(second.Changes);
        Assert.Equal(BidAction.Hold, Assert.Single(second.Plan.Recommendations).Action);
    }

    [Fact]
    public async Task A_dry_run_plans_a_raise_but_sends_no_patch_and_records_nothing()
    {
        FlatHistory(Medium, 0.0500m);
        var pool = await CreatePoolAsync(Medium, 0.0520m, desired: 1);
        var guard = new BidGuard(_client, new BidGuardPolicy { Margin = 0.10m }, _state);
        _emulator.ClearRequestLog();

        var round = await guard.RunAsync("guarded", apply: false);

        var plan = Assert.Single(round.Plan.Recommendations);
        Assert.Equal(PoolBidStatus.AtRisk, plan.Status);
        Assert.Equal(BidAction.Raise, plan.Action);
        Assert.Equal(0.0550m, plan.RecommendedBid);
        Assert.False(round.Applied);
        Assert.Empty(round.Changes);
        Assert.DoesNotContain(_emulator.GetRequestLog(), r => r.Method == "PATCH");
        Assert.Equal(0.0520m, BidOf(await _client.SpotNodePools.GetAsync(pool)));
        Assert.Empty(_state.BidChanges.List());
    }

    [Fact]
    public async Task A_503_on_the_patch_is_reported_changes_nothing_and_the_next_round_applies_it()
    {
        FlatHistory(Medium, 0.0500m);
        var pool = await CreatePoolAsync(Medium, 0.0490m, desired: 1);
        var guard = new BidGuard(_client, new BidGuardPolicy { Margin = 0.10m }, _state);
        _emulator.SetFaults(new FaultSettings { FailCount = 20, FailStatus = 503, Method = "PATCH" });

        var failed = await guard.RunAsync("guarded", apply: true);

        var failure = Assert.Single(failed.Failed);
        Assert.Equal(pool, failure.Recommendation.Pool.Pool);
        Assert.Equal(PoolBidStatus.Losing, failure.Recommendation.Status);
        Assert.Contains("503", failure.Error, StringComparison.Ordinal);
        Assert.Empty(failed.Changes);
        Assert.Empty(_state.BidChanges.List());
        Assert.Equal(0.0490m, BidOf(await _client.SpotNodePools.GetAsync(pool)));

        _emulator.ClearFaults();
        var retried = await guard.RunAsync("guarded", apply: true);

        var change = Assert.Single(retried.Changes);
        Assert.Equal(0.0550m, change.NewBid);
        Assert.Single(_state.BidChanges.List());
        Assert.Equal(0.0550m, BidOf(await _client.SpotNodePools.GetAsync(pool)));
    }

    [Fact]
    public async Task A_misspelt_cloudspace_is_an_error_not_an_empty_round()
    {
        var guard = new BidGuard(_client, new BidGuardPolicy());
        var error = await Assert.ThrowsAsync<SpotApiException>(() => guard.RunAsync("no-such-cloudspace"));
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task The_guard_reports_an_autopilot_pools_allocations_and_never_patches_its_child_pools()
    {
        FlatHistory(Medium, 0.0500m);
        var own = await CreatePoolAsync(Medium, 0.0520m, desired: 1);
        var autopilot = (await _client.AutopilotNodePools.CreateAsync(new AutopilotNodePoolRequest("guarded", 8, 0.1m))).Metadata!.Name!;
        var guard = new BidGuard(_client, new BidGuardPolicy { Margin = 0.10m }, _state);

        var reported = Assert.Single(await guard.ReadAutopilotAsync("guarded"));
        Assert.Equal(autopilot, reported.Name);
        Assert.Equal(8, reported.ManagedVcpus);
        var children = reported.Allocations.Select(a => a.SpotNodePool!).ToList();
        Assert.NotEmpty(children);
        Assert.All(children, c => Assert.Contains(c, _emulator.ListResourceNames("spotnodepools")));
        _emulator.ClearRequestLog();

        var round = await guard.RunAsync("guarded", apply: true);

        Assert.Equal([own], round.Plan.Recommendations.Select(r => r.Pool.Pool));
        Assert.Equal([own], round.Changes.Select(c => c.Pool));
        var ns = _emulator.Namespace;
        Assert.All(children, c => Assert.Equal(0, _emulator.CountRequests("PATCH", $"/apis/ngpc.rxt.io/v1/namespaces/{ns}/spotnodepools/{c}")));

        // Every spot pool writer refuses a child pool: Spot sets its bid and size.
        var refused = await Assert.ThrowsAsync<SpotException>(() => _client.SpotNodePools.UpdateAsync(children[0], new NodePoolUpdate { BidPrice = 0.05m }));
        Assert.Contains(autopilot, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.CountRequests("PATCH", $"/apis/ngpc.rxt.io/v1/namespaces/{ns}/spotnodepools/{children[0]}"));
        await _client.AutopilotNodePools.DeleteAsync(autopilot);
    }

    private void FlatHistory(string serverClass, decimal price) =>
        _emulator.ScriptMarketPrices(serverClass, [.. Enumerable.Repeat(price, 24)]);

    private async Task<string> CreatePoolAsync(string serverClass, decimal bid, int desired) =>
        (await _client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("guarded", serverClass, bid) { Desired = desired })).Metadata!.Name!;

    private static decimal BidOf(Rsspot.Generated.Api.Models.SpotNodePool pool) => decimal.Parse(pool.Spec!.BidPrice!, System.Globalization.CultureInfo.InvariantCulture);
}
