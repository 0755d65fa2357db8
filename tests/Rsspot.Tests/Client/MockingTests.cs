using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Rsspot.Generated.Api.Models;
using Rsspot.Services;

namespace Rsspot.Tests.Client;

/// <summary>Code that uses the SDK can be tested with fakes of the client and its services.</summary>
public sealed class MockingTests
{
    [Fact]
    public async Task User_code_runs_against_a_substitute_of_client_Cloudspaces()
    {
        var cloudspaces = Substitute.For<CloudspacesService>();
        cloudspaces.ListAsync(Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(
        [
            Cloudspace("ready-one", "Ready"),
            Cloudspace("still-provisioning", "Provisioning"),
        ]);
        var client = Substitute.For<SpotClient>();
        client.Cloudspaces.Returns(cloudspaces);

        var notReady = await NotReadyCloudspaces(client, CancellationToken.None);

        Assert.Equal(["still-provisioning"], notReady);
        await cloudspaces.Received(1).ListAsync(null, CancellationToken.None);
    }

    [Fact]
    public async Task A_substitute_can_throw_the_SDK_exceptions()
    {
        var cloudspaces = Substitute.For<CloudspacesService>();
        cloudspaces.ListAsync(Arg.Any<string?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new SpotTransportException("could not reach the Spot API"));
        var client = Substitute.For<SpotClient>();
        client.Cloudspaces.Returns(cloudspaces);

        await Assert.ThrowsAsync<SpotTransportException>(() => NotReadyCloudspaces(client, CancellationToken.None));
    }

    [Fact]
    public async Task Both_node_pool_kinds_can_be_substituted_through_their_shared_operations()
    {
        var spot = Substitute.For<SpotNodePoolsService>();
        spot.ListAsync("prod-a", Arg.Any<CancellationToken>()).Returns([new SpotNodePool { Metadata = new ObjectMeta { Name = "spot-1" } }]);
        var onDemand = Substitute.For<OnDemandNodePoolsService>();
        onDemand.List("prod-a", Arg.Any<CancellationToken>()).Returns([new OnDemandNodePool { Metadata = new ObjectMeta { Name = "od-1" } }]);
        var client = Substitute.For<SpotClient>();
        client.SpotNodePools.Returns(spot);
        client.OnDemandNodePools.Returns(onDemand);

        var spotNames = (await client.SpotNodePools.ListAsync("prod-a")).Select(p => p.Metadata!.Name);
        var onDemandNames = client.OnDemandNodePools.List("prod-a").Select(p => p.Metadata!.Name);

        Assert.Equal(["spot-1", "od-1"], spotNames.Concat(onDemandNames));
        await spot.Received(1).ListAsync("prod-a", Arg.Any<CancellationToken>());
    }

    [Fact]
    public void A_hand_written_fake_stands_in_for_a_blocking_call()
    {
        var regions = new FixedRegions("us-central-dfw-1", "uk-lon-1");

        Assert.Equal(["uk-lon-1", "us-central-dfw-1"], regions.List().Select(r => r.Metadata!.Name!).Order(StringComparer.Ordinal));
    }

    /// <summary>"User code": names of the cloudspaces that are not Ready yet.</summary>
    private static async Task<IReadOnlyList<string>> NotReadyCloudspaces(SpotClient client, CancellationToken cancellationToken)
    {
        var all = await client.Cloudspaces.ListAsync(cancellationToken: cancellationToken);
        return [.. all.Where(c => c.Status?.Phase != CloudspacesService.ReadyPhase).Select(c => c.Metadata!.Name!)];
    }

    private static CloudSpace Cloudspace(string name, string phase) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Status = new CloudSpaceStatus { Phase = phase },
    };

    private sealed class FixedRegions(params string[] names) : RegionsService
    {
        public override IReadOnlyList<Region> List(string? labelSelector = null, CancellationToken cancellationToken = default) =>
            [.. names.Select(n => new Region { Metadata = new ObjectMeta { Name = n } })];
    }
}
