using Rsspot.Apply;
using Rsspot.Emulator;
using Rsspot.Services;
using Rsspot.Testing;

namespace Rsspot.Tests.Apply;

public sealed class ApplyServiceTests
{
    private const string Medium = "gp.vs1.medium-dfw";
    private const string Large = "gp.vs1.large-dfw";

    private static CloudspaceSpec Spec(decimal bid, int desired) => new("sdk-apply", "us-central-dfw-1")
    {
        SpotPools = [new SpotPoolSpec("workers", Medium) { BidPrice = bid, Desired = desired }],
        OnDemandPools = [new OnDemandPoolSpec("steady", Large) { Desired = 1 }],
    };

    [Fact]
    public async Task Plan_then_apply_creates_keyed_pools_and_a_second_plan_is_empty()
    {
        await using var spot = await SpotTestServer.StartAsync();
        using var client = spot.CreateClient();

        var plan = await client.Apply.PlanAsync(Spec(0.025m, 2));
        Assert.Equal([ApplyAction.Create, ApplyAction.Create, ApplyAction.Create], plan.Changes.Select(c => c.Action));
        Assert.Equal([ApplyTarget.Cloudspace, ApplyTarget.SpotPool, ApplyTarget.OnDemandPool], plan.Changes.Select(c => c.Target));
        Assert.Contains("+ create spot pool sdk-apply/workers", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains(new FieldChange("bidPrice", null, "0.025"), plan.Changes[1].Fields);

        var reported = new List<ApplyChange>();
        var result = await client.Apply.ApplyAsync(plan, new SyncProgress(reported.Add));
        Assert.Equal(3, result.Applied.Count);
        Assert.Equal(plan.Changes, reported);
        var pool = Assert.Single(await client.SpotNodePools.ListAsync("sdk-apply"));
        Assert.Equal("workers", ModelMaps.ToDictionary(pool.Metadata!.Labels)[ApplyService.PoolKeyLabel]);

        spot.ClearRequestLog();
        var again = await client.Apply.PlanAsync(Spec(0.025m, 2));
        Assert.False(again.HasChanges);
        Assert.Equal("No changes: 1 cloudspace(s) match the spec.", again.ToString());
        await client.Apply.ApplyAsync(again);
        Assert.DoesNotContain(spot.RequestLog, e => e.Method is "POST" or "PATCH" or "DELETE" && !e.Path.StartsWith("/oauth", StringComparison.Ordinal));

        var changed = await client.Apply.PlanAsync(Spec(0.03m, 3));
        var update = Assert.Single(changed.Changes);
        Assert.Equal(ApplyAction.Update, update.Action);
        Assert.Equal(pool.Metadata.Name, update.Name);
        Assert.Equal([new FieldChange("desired", "2", "3"), new FieldChange("bidPrice", "0.025", "0.03")], update.Fields);
        await client.Apply.ApplyAsync(changed);
        var patch = Assert.Single(spot.RequestLog, e => e.Method == "PATCH");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse("""{"spec":{"bidPrice":"0.03","desired":3}}"""), System.Text.Json.Nodes.JsonNode.Parse(patch.Body!)), patch.Body);

        var delete = await client.Apply.PlanDeleteAsync([Spec(0.03m, 3)]);
        Assert.Equal(ApplyAction.Delete, Assert.Single(delete.Changes).Action);
        await client.Apply.ApplyAsync(delete);
        Assert.False((await client.Apply.PlanDeleteAsync([Spec(0.03m, 3)])).HasChanges);
    }

    [Fact]
    public async Task A_bid_above_the_ceiling_or_a_needed_replace_sends_nothing()
    {
        await using var spot = await SpotTestServer.StartAsync();
        using var client = spot.CreateClient();

        var tooHigh = await client.Apply.PlanAsync(Spec(0.5m, 1));
        spot.ClearRequestLog();
        await Assert.ThrowsAsync<BidCeilingException>(() => client.Apply.ApplyAsync(tooHigh));
        Assert.DoesNotContain(spot.RequestLog, e => e.Method is "POST" or "PATCH" or "DELETE" && !e.Path.StartsWith("/oauth", StringComparison.Ordinal));

        await client.Apply.ApplyAsync(await client.Apply.PlanAsync(Spec(0.025m, 1)));
        var moved = Spec(0.025m, 1) with { Region = "us-east-iad-1", SpotPools = [], OnDemandPools = [] };
        var replace = await client.Apply.PlanAsync(moved);
        var change = Assert.Single(replace.Replacements);
        Assert.Contains("region us-central-dfw-1 -> us-east-iad-1", change.Reason, StringComparison.Ordinal);
        spot.ClearRequestLog();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.Apply.ApplyAsync(replace));
        Assert.Contains("Replace", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(spot.RequestLog, e => e.Method is "POST" or "PATCH" or "DELETE" && !e.Path.StartsWith("/oauth", StringComparison.Ordinal));

        await Assert.ThrowsAsync<ArgumentException>(() => client.Apply.PlanAsync(Spec(0.025m, 1) with
        {
            OnDemandPools = [new OnDemandPoolSpec("workers", Large)],
        }));
    }

    private sealed class SyncProgress(Action<ApplyChange> report) : IProgress<ApplyChange>
    {
        public void Report(ApplyChange value) => report(value);
    }
}
