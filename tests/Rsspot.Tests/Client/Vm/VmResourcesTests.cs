using System.Text;
using Microsoft.Kiota.Abstractions.Serialization;
using NSubstitute;
using Rsspot.Emulator;
using Rsspot.Generated.Api.Models;
using Rsspot.Services;
using Rsspot.Services.Vm;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client.Vm;

/// <summary>client.VmSshKeys, client.VmCloudspaces and client.VmPools against the emulator.</summary>
public sealed class VmResourcesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Region = "us-central-dfw-1";
    private const string PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N dev@host";

    [Fact]
    public async Task A_VM_cloudspace_with_a_pool_becomes_Ready_with_addressed_machines_and_the_registration_sees_them()
    {
        using var client = fixture.Client(o => o with { NoCache = true });
        await client.VmSshKeys.CreateAsync(new VmSshKeyRequest("sdk-key", PublicKey) { Description = "dev" });
        var key = await client.VmSshKeys.GetAsync("sdk-key");
        Assert.StartsWith("SHA256:", key.Status?.Fingerprint, StringComparison.Ordinal);
        Assert.True(key.Status?.Validated);
        Assert.Contains(await client.VmSshKeys.ListSummariesAsync(), k => k.Name == "sdk-key" && k.Validated);

        var created = await client.VmCloudspacesCreate("sdk-vm-cs", new VmPoolRequest("sdk-vm-cs", "gp.vs1.medium-dfw", 0.9m) { Desired = 2, UserData = VmUserData.FromText("#!/bin/sh\necho hi\n") });
        var pool = Assert.Single(created.Pools);
        var poolName = pool.Metadata!.Name!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", poolName);
        Assert.Equal("0.900", pool.Spec!.BidPrice);
        Assert.Equal("#!/bin/sh\necho hi\n", Encoding.UTF8.GetString(Convert.FromBase64String(pool.Spec.VmUserData!)));

        var ready = await client.VmCloudspaces.WaitUntilReadyAsync("sdk-vm-cs", TimeSpan.FromSeconds(30));
        var machines = InventoryService.AssignedVms(ready);
        Assert.Equal(2, machines.Count);
        Assert.All(machines, m => Assert.False(string.IsNullOrEmpty(m.Ip)));
        Assert.Equal(VmStatusFulfilled, (await client.VmPools.GetAsync(poolName)).Status?.BidStatus);

        var snapshot = (await client.Inventory.ListVmCloudspaceSnapshotsAsync()).Single(c => c.Name == "sdk-vm-cs");
        Assert.Equal(machines.Select(m => m.Ip), snapshot.Servers.Select(s => s.Ip));

        var scaled = await client.VmPools.UpdateAsync(poolName, new VmPoolUpdate { Desired = 0 });
        Assert.Equal(0, scaled.Spec?.Desired);
        Assert.Empty(InventoryService.AssignedVms(await client.VmCloudspaces.GetAsync("sdk-vm-cs")));

        var hooked = await client.VmCloudspaces.UpdateWebhookAsync("sdk-vm-cs", "https://example.com/hook");
        Assert.Equal("https://example.com/hook", hooked.Spec?.Webhook);
        Assert.True(string.IsNullOrEmpty((await client.VmCloudspaces.UpdateWebhookAsync("sdk-vm-cs", string.Empty)).Spec?.Webhook));

        await client.VmCloudspaces.DeleteAsync("sdk-vm-cs");
        Assert.Empty(await client.VmPools.ListAsync("sdk-vm-cs"));
        await client.VmSshKeys.DeleteAsync("sdk-key");
    }

    [Fact]
    public async Task A_VM_pool_bid_below_the_market_is_Lost_and_gets_no_machines()
    {
        using var client = fixture.Client(o => o with { NoCache = true });
        await client.VmSshKeys.CreateAsync(new VmSshKeyRequest("lost-key", PublicKey));
        var created = await client.VmCloudspacesCreate("lost-vm-cs", new VmPoolRequest("lost-vm-cs", "gp.vs1.medium-dfw", 0.001m) { Desired = 3 });

        var pool = await client.VmPools.GetAsync(created.Pools[0].Metadata!.Name!);
        Assert.Equal("Lost", pool.Status?.BidStatus);
        Assert.Equal(0, pool.Status?.WonCount);
        Assert.Empty(InventoryService.AssignedVms(await client.VmCloudspaces.GetAsync("lost-vm-cs")));
        await client.VmCloudspaces.DeleteAsync("lost-vm-cs");
        await client.VmSshKeys.DeleteAsync("lost-key");
    }

    [Fact]
    public async Task A_bid_above_the_on_demand_price_or_off_the_step_is_refused_before_anything_is_sent()
    {
        using var client = fixture.Client(o => o with { NoCache = true });
        await client.VmSshKeys.CreateAsync(new VmSshKeyRequest("ceiling-key", PublicKey));
        await client.VmCloudspaces.CreateAsync(new VmCloudspaceCreateRequest("ceiling-vm-cs", Region, "ceiling-key"));

        var refused = await Assert.ThrowsAsync<BidCeilingException>(() => client.VmPools.CreateAsync(new VmPoolRequest("ceiling-vm-cs", "gp.vs1.medium-dfw", 50m)));
        Assert.Equal(50m, refused.Bid);
        await Assert.ThrowsAsync<ArgumentException>(() => client.VmPools.CreateAsync(new VmPoolRequest("ceiling-vm-cs", "gp.vs1.medium-dfw", 0.0205m)));
        Assert.Empty(await client.VmPools.ListAsync("ceiling-vm-cs"));

        var allowed = await client.VmPools.CreateAsync(new VmPoolRequest("ceiling-vm-cs", "gp.vs1.medium-dfw", 0.02m));
        await Assert.ThrowsAsync<BidCeilingException>(() => client.VmPools.UpdateAsync(allowed.Metadata!.Name!, new VmPoolUpdate { BidPrice = 50m }));
        Assert.Equal("0.020", (await client.VmPools.GetAsync(allowed.Metadata!.Name!)).Spec?.BidPrice);
        await client.VmCloudspaces.DeleteAsync("ceiling-vm-cs");
        await client.VmSshKeys.DeleteAsync("ceiling-key");
    }

    [Fact]
    public async Task A_pool_that_fails_after_the_VM_cloudspace_exists_deletes_it_again()
    {
        using var client = fixture.Client(o => o with { NoCache = true });
        await client.VmSshKeys.CreateAsync(new VmSshKeyRequest("rollback-key", PublicKey));
        fixture.Emulator.SetFaults(new FaultSettings { FailCount = 10, FailStatus = 500, Method = "POST", PathPrefix = $"/apis/ngpc.rxt.io/v1/namespaces/{fixture.Emulator.Namespace}/vmpools" });

        var error = await Assert.ThrowsAsync<CloudspaceCreationException>(() => client.VmCloudspacesCreate("rollback-vm-cs", new VmPoolRequest("rollback-vm-cs", "gp.vs1.medium-dfw", 0.05m)));

        fixture.Emulator.ClearFaults();
        Assert.True(error.CloudspaceDeleted);
        Assert.DoesNotContain(await client.VmCloudspaces.ListAsync(), c => c.Metadata?.Name == "rollback-vm-cs");
        await client.VmSshKeys.DeleteAsync("rollback-key");
    }

    [Fact]
    public async Task The_emulator_refuses_a_VM_pool_of_a_missing_VM_cloudspace_and_a_change_of_its_class()
    {
        using var client = fixture.Client(o => o with { NoCache = true });
        var missing = await Assert.ThrowsAsync<SpotApiException>(() => client.VmPools.CreateAsync(new VmPoolRequest("no-such-vm-cs", "gp.vs1.medium-dfw", 0.05m)));
        Assert.Equal(422, (int)missing.StatusCode);

        var noKey = await Assert.ThrowsAsync<SpotApiException>(() => client.VmCloudspaces.CreateAsync(new VmCloudspaceCreateRequest("keyless-vm-cs", Region, "no-such-key")));
        Assert.Contains("no-such-key", noKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_requests_refuse_the_wrong_cases_before_any_request()
    {
        Assert.Throws<ArgumentException>(() => new VmSshKeyRequest("k", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----").ToModel("org-x"));
        Assert.Throws<ArgumentException>(() => new VmSshKeyRequest("Bad_Name", PublicKey).ToModel("org-x"));
        Assert.Throws<ArgumentException>(() => VmNames.EnsurePoolName("not-a-uuid"));
        Assert.Throws<ArgumentException>(() => VmUserData.FromBase64("not base64!"));

        // spotctl's rule: text that is already base64 is sent as it is, anything else is encoded.
        Assert.Equal("IyEvYmluL2Jhc2gKYXB0LWdldCB1cGRhdGU=", VmUserData.FromText("IyEvYmluL2Jhc2gKYXB0LWdldCB1cGRhdGU=").Base64);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/bash\n")), VmUserData.FromText("#!/bin/bash\n").Base64);
    }

    [Fact]
    public void Assigned_servers_are_read_with_the_newer_ipAddress_and_the_older_IP()
    {
        var cloudspace = new VmCloudSpace
        {
            Status = new VmCloudSpaceStatus
            {
                AssignedServers = new VmCloudSpaceStatus_assignedServers
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        ["a"] = new UntypedObject(new Dictionary<string, UntypedNode> { ["serverName"] = new UntypedString("a"), ["ipAddress"] = new UntypedString("10.0.0.1") }),
                        ["b"] = new UntypedObject(new Dictionary<string, UntypedNode> { ["serverName"] = new UntypedString("b"), ["IP"] = new UntypedString("192.0.2.7") }),
                    },
                },
            },
        };

        var servers = InventoryService.AssignedVms(cloudspace);

        Assert.Equal(["10.0.0.1", "192.0.2.7"], servers.Select(s => s.Ip));
    }

    [Fact]
    public async Task User_code_runs_against_substitutes_of_the_VM_services()
    {
        var pools = Substitute.For<VmPoolsService>();
        pools.ListSummariesAsync("cs", Arg.Any<CancellationToken>()).Returns([new VmPoolSummary("p", "cs", "gp.vs1.medium-dfw", "spot", 2, 0.02m, "Lost", 0, null)]);
        var client = Substitute.For<SpotClient>();
        client.VmPools.Returns(pools);

        var losing = (await client.VmPools.ListSummariesAsync("cs")).Where(p => p.BidStatus == "Lost").Select(p => p.Name);

        Assert.Equal(["p"], losing);
    }

    private const string VmStatusFulfilled = "Fulfilled";
}

/// <summary>Creates a VM cloudspace with one pool in the test region.</summary>
internal static class VmTestRequests
{
    public static Task<VmCloudspaceCreation> VmCloudspacesCreate(this SpotClient client, string name, VmPoolRequest pool) =>
        client.VmCloudspaces.CreateAsync(new VmCloudspaceCreateRequest(name, "us-central-dfw-1", name.Split('-')[0] + "-key") { Pools = [pool] });
}
