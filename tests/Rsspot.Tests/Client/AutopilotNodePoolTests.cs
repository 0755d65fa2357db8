using NSubstitute;
using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client;

public sealed class AutopilotNodePoolTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Region = "us-central-dfw-1";

    [Fact]
    public async Task An_8_vcpu_pool_is_allocated_within_budget_follows_a_market_move_and_is_deleted_with_its_children()
    {
        // Allocations move with the market: read past the response cache.
        using var client = fixture.Client(o => o with { NoCache = true });
        const string cloudspace = "autopilot-a";
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(cloudspace, Region));

        var created = await client.AutopilotNodePools.CreateAsync(new AutopilotNodePoolRequest(cloudspace, 8, 0.1m)
        {
            Labels = new Dictionary<string, string> { ["team"] = "a" },
        });
        var name = created.Metadata!.Name!;
        Assert.Equal(Region, created.Spec?.Region);

        var pool = await client.AutopilotNodePools.GetAsync(name);
        var summary = AutopilotNodePoolSummary.From(pool);
        Assert.Equal("Fulfilled", summary.Phase);
        Assert.Equal(8, summary.TargetVcpus);
        Assert.Equal(8, summary.ManagedVcpus);
        Assert.NotEmpty(summary.Allocations);
        Assert.True(summary.CostPerHour <= 0.1m, $"allocations cost {summary.CostPerHour}/h, above the budget");
        Assert.All(summary.Allocations, a => Assert.True(a.BidPrice >= a.MarketPrice));
        Assert.Equal(8, summary.Allocations.Sum(a => a.WonNodes * a.VcpuPerNode));

        // The children are spot pools of the cloudspace, labelled and owned by the autopilot pool.
        var spotPools = await client.SpotNodePools.ListAsync(cloudspace);
        var children = AutopilotOwnership.ChildPools([pool]);
        Assert.Equal(summary.Allocations.Select(a => a.SpotNodePool).Order(StringComparer.Ordinal), spotPools.Select(p => p.Metadata!.Name).Order(StringComparer.Ordinal));
        Assert.All(spotPools, p => Assert.Equal(name, AutopilotOwnership.ManagerOf(p)));
        Assert.All(spotPools, p => Assert.Equal(name, AutopilotOwnership.ManagerOf(p, children)));
        Assert.All(spotPools, p => Assert.Equal("a", ModelMaps.ToDictionary(p.Spec?.CustomLabels)["team"]));

        // The market of the first allocated class moves above its bid: the class is lost and another takes its place.
        var moved = summary.Allocations[0];
        fixture.Emulator.ScriptMarketPrices(moved.ServerClass!, moved.BidPrice!.Value * 3);
        var after = await client.AutopilotNodePools.GetAsync(name);
        var afterSummary = AutopilotNodePoolSummary.From(after);
        Assert.DoesNotContain(afterSummary.Allocations, a => a.ServerClass == moved.ServerClass);
        Assert.Equal(8, afterSummary.ManagedVcpus);
        Assert.True(afterSummary.CostPerHour <= 0.1m);
        var lostState = Assert.Single(after.Status!.ClassStates!, s => s.ServerClass == moved.ServerClass);
        Assert.Equal("Lost", lostState.LastOutcome);
        Assert.NotNull(lostState.CooldownUntil);
        Assert.Contains(after.Status!.AllocationsHistory!, e => e.Event == "Lost" && e.ServerClass == moved.ServerClass && e.SpotNodePool == moved.SpotNodePool);
        Assert.Contains(after.Status!.AllocationsHistory!, e => e.Event == "Allocated" && e.ServerClass == afterSummary.Allocations[0].ServerClass);
        var gone = await Assert.ThrowsAsync<SpotApiException>(() => client.SpotNodePools.GetAsync(moved.SpotNodePool!));
        Assert.True(gone.IsNotFound);

        // Scaling re-plans within the new target.
        var scaled = await client.AutopilotNodePools.UpdateAsync(name, new AutopilotNodePoolUpdate { VcpuTotal = 4, BudgetPerHour = 0.05m });
        Assert.Equal(4, scaled.Spec?.Vcpu?.Total);
        Assert.Equal(4, AutopilotNodePoolSummary.From(await client.AutopilotNodePools.GetAsync(name)).ManagedVcpus);

        Assert.Contains(await client.AutopilotNodePools.ListSummariesAsync(cloudspace), p => p.Name == name);
        await client.AutopilotNodePools.DeleteAsync(name);
        Assert.Empty(await client.SpotNodePools.ListAsync(cloudspace));
        Assert.Empty(await client.AutopilotNodePools.ListAsync(cloudspace));
        await client.Cloudspaces.DeleteAsync(cloudspace);
    }

    [Fact]
    public async Task A_budget_above_the_on_demand_ceiling_is_refused_before_any_request()
    {
        using var client = fixture.Client();
        const string cloudspace = "autopilot-b";
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(cloudspace, Region));
        var ceiling = await client.AutopilotNodePools.GetBudgetCeilingAsync(cloudspace, 8);
        Assert.Equal(BidCeilingSource.OnDemand, ceiling.Source);
        fixture.Emulator.ClearRequestLog();

        var refused = await Assert.ThrowsAsync<BudgetCeilingException>(() => client.AutopilotNodePools.CreateAsync(new AutopilotNodePoolRequest(cloudspace, 8, ceiling.Ceiling!.Value + 0.001m)));

        Assert.Equal("budgetPerHour", refused.ParamName);
        Assert.Equal(0, fixture.Emulator.CountRequests("POST", $"/apis/ngpc.rxt.io/v1/namespaces/{fixture.Emulator.Namespace}/autopilotnodepools"));
        var allowed = await client.AutopilotNodePools.CreateAsync(new AutopilotNodePoolRequest(cloudspace, 8, ceiling.Ceiling!.Value + 0.001m) { MaxBudgetPerHour = 5m });
        Assert.Equal(ceiling.Ceiling.Value + 0.001m, decimal.Parse(allowed.Spec!.BudgetPerHour!, System.Globalization.CultureInfo.InvariantCulture));
        await client.Cloudspaces.DeleteAsync(cloudspace);
    }

    [Fact]
    public void Typed_requests_refuse_the_wrong_case_before_anything_is_sent()
    {
        Assert.Throws<ArgumentException>(() => new AutopilotNodePoolRequest("cs", 0, 1m));
        Assert.Throws<ArgumentException>(() => new AutopilotNodePoolRequest("cs", 8, 0m));
        Assert.Throws<ArgumentException>(() => new AutopilotNodePoolRequest("cs", 8, 1.0005m));
        Assert.Throws<ArgumentException>(() => new AutopilotNodePoolRequest("Not_A_Name", 8, 1m));
        Assert.Throws<ArgumentException>(() => new VcpuPerNodeRange(8, 4));
        Assert.Throws<ArgumentException>(() => new VcpuPerNodeRange(0, 4));
        Assert.Throws<ArgumentException>(() => new AutopilotNodePoolUpdate { VcpuTotal = 0 });
        Assert.Throws<ArgumentException>(() => MemoryPerVcpuText.Parse("3"));
        Assert.Equal(MemoryPerVcpu.Gb4, MemoryPerVcpuText.Parse("4GB"));
        Assert.Equal("any", MemoryPerVcpuText.Format(MemoryPerVcpu.Any));
        Assert.Equal("1.250", AutopilotBudget.Format(AutopilotBudget.Parse("$1.25")));
        Assert.True(MemoryPerVcpuText.Matches(MemoryPerVcpu.Gb4, 4, 15m));
        Assert.False(MemoryPerVcpuText.Matches(MemoryPerVcpu.Gb8, 4, 15m));
    }

    [Fact]
    public async Task The_blocking_methods_and_a_substitute_do_the_same_work()
    {
        using var client = fixture.Client();
        const string cloudspace = "autopilot-c";
        client.Cloudspaces.Create(new CloudspaceCreateRequest(cloudspace, Region));
        var created = client.AutopilotNodePools.Create(new AutopilotNodePoolRequest(cloudspace, 4, 0.05m) { VcpuPerNode = new VcpuPerNodeRange(2, 4), MemoryPerVcpu = MemoryPerVcpu.Gb2 });
        var name = created.Metadata!.Name!;
        var read = client.AutopilotNodePools.Get(name);
        Assert.Equal("2", read.Spec?.MemoryPerVCPU);
        Assert.Equal("LowestPrice", read.Spec?.AllocationStrategy);
        Assert.All(read.Status!.Allocations!, a => Assert.InRange(a.VcpuPerNode!.Value, 2, 4));
        Assert.Single(client.AutopilotNodePools.ListSummaries(cloudspace));
        client.AutopilotNodePools.Delete(name);
        Assert.Empty(client.AutopilotNodePools.List(cloudspace));
        await client.Cloudspaces.DeleteAsync(cloudspace);

        var fake = Substitute.For<AutopilotNodePoolsService>();
        fake.ListAsync("x", Arg.Any<CancellationToken>()).Returns([new AutopilotNodePool { Metadata = new ObjectMeta { Name = "ap-1" } }]);
        var substitute = Substitute.For<SpotClient>();
        substitute.AutopilotNodePools.Returns(fake);
        Assert.Equal("ap-1", Assert.Single(await substitute.AutopilotNodePools.ListAsync("x")).Metadata!.Name);
    }
}
