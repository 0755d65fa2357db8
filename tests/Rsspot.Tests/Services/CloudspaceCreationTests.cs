using Rsspot.Emulator;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Services;

/// <summary>A create with pools either builds everything or leaves nothing behind (unless asked to keep it).</summary>
public sealed class CloudspaceCreationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Region = "us-central-dfw-1";

    [Fact]
    public async Task A_pool_class_from_another_region_fails_before_the_cloudspace_is_created()
    {
        using var client = fixture.Client();
        const string name = "wrong-region";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, Region)
        {
            SpotPools = [new SpotNodePoolRequest(name, "gp.vs1.medium-lon", 0.08m)],
        }));

        Assert.Contains("gp.vs1.medium-lon", error.Message, StringComparison.Ordinal);
        Assert.Contains(Region, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await client.Cloudspaces.ListAsync(), c => c.Metadata?.Name == name);
    }

    [Fact]
    public async Task A_pool_class_that_does_not_exist_fails_before_the_cloudspace_is_created()
    {
        using var client = fixture.Client();
        const string name = "no-such-class";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, Region)
        {
            OnDemandPools = [new OnDemandNodePoolRequest(name, "gp.vs9.huge-dfw")],
        }));

        Assert.Contains("gp.vs9.huge-dfw", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await client.Cloudspaces.ListAsync(), c => c.Metadata?.Name == name);
    }

    [Fact]
    public async Task A_pool_that_fails_after_the_cloudspace_exists_deletes_the_cloudspace_again()
    {
        using var client = fixture.Client();
        const string name = "rolled-back";
        FailPoolCreates();

        var error = await Assert.ThrowsAsync<CloudspaceCreationException>(() => client.Cloudspaces.CreateAsync(Request(name)));

        fixture.Emulator.ClearFaults();
        Assert.True(error.CloudspaceDeleted);
        Assert.Equal(1, error.PoolsCreated);
        Assert.IsType<SpotApiException>(error.InnerException);
        Assert.Contains("deleted again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await client.Cloudspaces.ListAsync(), c => c.Metadata?.Name == name);
        Assert.Empty(await client.SpotNodePools.ListAsync(name));

        // Nothing is left behind, so the same create simply works the second time.
        var created = await client.Cloudspaces.CreateAsync(Request(name));
        Assert.Single(created.SpotPools);
        Assert.Single(created.OnDemandPools);
        await client.Cloudspaces.DeleteAsync(name);
    }

    [Fact]
    public async Task KeepOnFailure_keeps_the_cloudspace_and_says_so()
    {
        using var client = fixture.Client();
        const string name = "kept-on-failure";
        FailPoolCreates();

        var error = await Assert.ThrowsAsync<CloudspaceCreationException>(() => client.Cloudspaces.CreateAsync(Request(name) with { KeepOnFailure = true }));

        fixture.Emulator.ClearFaults();
        Assert.False(error.CloudspaceDeleted);
        Assert.True(error.KeptOnRequest);
        Assert.Contains("kept", error.Message, StringComparison.Ordinal);
        Assert.Contains(await client.Cloudspaces.ListAsync(), c => c.Metadata?.Name == name);
        await client.Cloudspaces.DeleteAsync(name);
    }

    private static CloudspaceCreateRequest Request(string name) => new(name, Region)
    {
        SpotPools = [new SpotNodePoolRequest(name, "gp.vs1.medium-dfw", 0.08m)],
        OnDemandPools = [new OnDemandNodePoolRequest(name, "gp.vs1.large-dfw")],
    };

    // The spot pool is created, then every on-demand pool POST fails with a 500 (never retried for a POST).
    private void FailPoolCreates() => fixture.Emulator.SetFaults(new FaultSettings
    {
        FailCount = 10,
        FailStatus = 500,
        Method = "POST",
        PathPrefix = $"/apis/ngpc.rxt.io/v1/namespaces/{fixture.Emulator.Namespace}/ondemandnodepools",
    });
}
