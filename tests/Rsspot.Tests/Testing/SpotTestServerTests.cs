using Rsspot.Emulator;
using Rsspot.Services;
using Rsspot.Testing;

namespace Rsspot.Tests.Testing;

public sealed class SpotTestServerTests
{
    [Fact]
    public async Task A_ready_client_seeding_faults_and_the_request_log()
    {
        await using var spot = await SpotTestServer.StartAsync(new EmulatorOptions { OrganizationName = "acme" });
        using var client = spot.CreateClient();

        Assert.Equal("acme", (await client.GetOrganizationAsync()).Name);
        await spot.SeedCloudspaceAsync(new CloudspaceCreateRequest("seeded", "us-central-dfw-1"));
        Assert.Contains(await client.Cloudspaces.ListAsync(), c => c.Metadata?.Name == "seeded");

        spot.ClearRequestLog();
        using (spot.InjectFaults(new FaultSettings { FailCount = 1, FailStatus = 503, PathPrefix = "/apis/ngpc.rxt.io/v1/regions" }))
        {
            Assert.NotEmpty(await client.Regions.ListAsync());
        }

        Assert.Equal(2, spot.CountRequests("GET", "/apis/ngpc.rxt.io/v1/regions"));
        Assert.Equal([503, 200], spot.RequestLog.Where(e => e.Path == "/apis/ngpc.rxt.io/v1/regions").Select(e => e.Status));
        Assert.True(spot.Emulator.GetFaults().IsEmpty);
    }

    [Fact]
    public async Task Objects_seeded_after_a_first_read_are_seen_at_once_by_its_clients()
    {
        await using var spot = await SpotTestServer.StartAsync();
        using var client = spot.CreateClient();
        using var other = spot.CreateClient();

        Assert.Empty(await client.Cloudspaces.ListAsync());
        Assert.Empty(await other.SpotNodePools.ListAsync());
        await spot.SeedCloudspaceAsync(new CloudspaceCreateRequest("seeded", "us-central-dfw-1")
        {
            SpotPools = [new SpotNodePoolRequest("seeded", "gp.vs1.medium-dfw", 0.02m)],
        });

        Assert.Contains(await client.Cloudspaces.ListAsync(), c => c.Metadata?.Name == "seeded");
        Assert.Single(await other.SpotNodePools.ListAsync());
        await spot.SeedCloudspaceAsync(new CloudspaceCreateRequest("second", "us-central-dfw-1"));
        Assert.Equal(["second", "seeded"], (await other.Cloudspaces.ListAsync()).Select(c => c.Metadata?.Name).Order(StringComparer.Ordinal));
    }
}
