using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.Autopilot;

/// <summary>Autopilot node pools in the emulator: strict validation, the allocator, re-allocation and deletion of children.</summary>
public sealed class AutopilotTests
{
    private static JsonObject Pool(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "AutopilotNodePool",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = spec,
    };

    private static JsonObject Spec(int total = 8, string budget = "0.100") => new()
    {
        ["cloudSpace"] = "ap",
        ["vcpu"] = new JsonObject { ["total"] = total },
        ["vcpuPerNode"] = new JsonObject(),
        ["budgetPerHour"] = budget,
    };

    [Theory]
    [InlineData("""{"cloudSpace":"ap","budgetPerHour":"0.1"}""", "spec.vcpu")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":0},"budgetPerHour":"0.1"}""", "spec.vcpu.total")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":"8"},"budgetPerHour":"0.1"}""", "spec.vcpu.total")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":8}}""", "spec.budgetPerHour")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":8},"budgetPerHour":0.1}""", "spec.budgetPerHour")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":8},"budgetPerHour":"0.1005"}""", "spec.budgetPerHour")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":8},"budgetPerHour":"0.1","memoryPerVCPU":"3"}""", "spec.memoryPerVCPU")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":8},"budgetPerHour":"0.1","allocationStrategy":"Fastest"}""", "spec.allocationStrategy")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":8},"budgetPerHour":"0.1","vcpuPerNode":{"min":8,"max":4}}""", "spec.vcpuPerNode.min")]
    [InlineData("""{"cloudSpace":"ap","vcpu":{"total":8},"budgetPerHour":"0.1","region":"uk-lon-1"}""", "spec.region")]
    [InlineData("""{"cloudSpace":"nope","vcpu":{"total":8},"budgetPerHour":"0.1"}""", "spec.cloudSpace")]
    public async Task A_wrong_field_is_a_422_naming_it(string spec, string field)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("ap");

        var (status, body) = await spot.SendAsync(HttpMethod.Post, spot.Path("autopilotnodepools"), Pool("p1", JsonNode.Parse(spec)!.AsObject()));

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(body["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == field);
        Assert.Empty(EmulatorSession.Names((await spot.GetAsync(spot.Path("autopilotnodepools"))).Body));
    }

    [Fact]
    public async Task The_allocator_fills_the_target_within_budget_moves_when_a_class_is_lost_and_deletes_the_children()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("ap");
        var (status, created) = await spot.SendAsync(HttpMethod.Post, spot.Path("autopilotnodepools"), Pool("p1", Spec()));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("us-central-dfw-1", created["spec"]!["region"]!.GetValue<string>());
        Assert.Equal("any", created["spec"]!["memoryPerVCPU"]!.GetValue<string>());
        Assert.Equal("LowestPrice", created["spec"]!["allocationStrategy"]!.GetValue<string>());

        var pool = (await spot.GetAsync(spot.Path("autopilotnodepools", "p1"))).Body;
        Assert.Equal("Fulfilled", pool["status"]!["phase"]!.GetValue<string>());
        var allocations = pool["status"]!["allocations"]!.AsArray();
        var cost = allocations.Sum(a => decimal.Parse(a!["bidPricePerHour"]!.GetValue<string>(), CultureInfo.InvariantCulture) * a["desiredNodes"]!.GetValue<int>());
        Assert.True(cost <= 0.1m);
        Assert.All(allocations, a => Assert.True(decimal.Parse(a!["bidPricePerHour"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= decimal.Parse(a["marketPricePerHour"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
        var children = EmulatorSession.Names((await spot.GetAsync(spot.Path("spotnodepools") + "?labelSelector=ngpc.rxt.io%2Fautopilotnodepool%3Dp1")).Body).ToList();
        Assert.Equal(allocations.Select(a => a!["spotNodePool"]!.GetValue<string>()).Order(StringComparer.Ordinal), children.Order(StringComparer.Ordinal));

        // The cheapest class is lost to the market: it cools down and another class takes its place.
        var lost = allocations[0]!;
        spot.Host.ScriptMarketPrices(lost["serverClass"]!.GetValue<string>(), 5m);
        var after = (await spot.GetAsync(spot.Path("autopilotnodepools", "p1"))).Body;
        Assert.DoesNotContain(after["status"]!["allocations"]!.AsArray(), a => a!["serverClass"]!.GetValue<string>() == lost["serverClass"]!.GetValue<string>());
        Assert.Equal(8, after["status"]!["managedVCPUs"]!.GetValue<int>());
        var state = Assert.Single(after["status"]!["classStates"]!.AsArray(), s => s!["serverClass"]!.GetValue<string>() == lost["serverClass"]!.GetValue<string>())!;
        Assert.Equal("Lost", state["lastOutcome"]!.GetValue<string>());
        Assert.NotNull(state["cooldownUntil"]);
        Assert.Equal(HttpStatusCode.NotFound, (await spot.GetAsync(spot.Path("spotnodepools", lost["spotNodePool"]!.GetValue<string>()))).Status);

        // Region and cloudspace are immutable.
        var (patched, refusal) = await spot.PatchAsync(spot.Path("autopilotnodepools", "p1"), new JsonObject { ["spec"] = new JsonObject { ["region"] = "us-central-ord-1" } });
        Assert.Equal((HttpStatusCode)422, patched);
        Assert.Contains(refusal["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "spec.region");

        Assert.Equal(HttpStatusCode.Accepted, (await spot.DeleteAsync(spot.Path("autopilotnodepools", "p1"))).Status);
        Assert.Empty(EmulatorSession.Names((await spot.GetAsync(spot.Path("spotnodepools"))).Body));
    }
}
