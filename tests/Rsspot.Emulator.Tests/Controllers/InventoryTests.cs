using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.Controllers;

public class InventoryTests
{
    private const string Seeded = EmulatorHost.SeededVmCloudSpace;

    [Fact]
    public async Task The_seeded_vm_cloudspace_has_assigned_servers_with_their_pool_and_ip()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, list) = await spot.GetAsync(spot.Path("vmcloudspaces"));

        Assert.Equal(HttpStatusCode.OK, status);
        var vmcs = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(Seeded, vmcs["metadata"]!["name"]!.GetValue<string>());
        var servers = vmcs["status"]!["assignedServers"]!.AsObject();
        Assert.Equal(3, servers.Count);
        foreach (var (key, server) in servers)
        {
            Assert.Equal(key, server!["serverName"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(server["displayName"]!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(server["ipAddress"]!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(server["serverClassName"]!.GetValue<string>()));
            Assert.Equal("Running", server["state"]!.GetValue<string>());
            Assert.Contains(server["nodePoolName"]!.GetValue<string>(), spot.Host.ListResourceNames("vmpools"));
        }
    }

    [Fact]
    public async Task Vm_pools_are_selected_by_their_vm_cloudspace_label()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (_, mine) = await spot.GetAsync(spot.Path("vmpools") + "?labelSelector=ngpc.rxt.io/vmcloudspace=" + Seeded);
        var (_, none) = await spot.GetAsync(spot.Path("vmpools") + "?labelSelector=ngpc.rxt.io/vmcloudspace=other");

        Assert.Equal(2, mine["items"]!.AsArray().Count);
        Assert.All(mine["items"]!.AsArray(), p => Assert.Equal(Seeded, p!["spec"]!["vmCloudSpace"]!.GetValue<string>()));
        Assert.Empty(none["items"]!.AsArray());
    }

    [Fact]
    public async Task Servers_appear_and_vanish_through_the_host_helpers()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var pool = spot.Host.ListResourceNames("vmpools")[0];

        var key = spot.Host.AddVmServer(Seeded, new VmServerRequest(pool, DisplayName: "worker-9"));
        var added = await Servers(spot);
        var removed = spot.Host.RemoveVmServer(Seeded, key);
        var after = await Servers(spot);

        Assert.Equal("worker-9", added[key]!["displayName"]!.GetValue<string>());
        Assert.Equal(4, added.Count);
        Assert.True(removed);
        Assert.False(after.ContainsKey(key));
        Assert.False(spot.Host.RemoveVmServer(Seeded, key));
        Assert.Throws<InvalidOperationException>(() => spot.Host.AddVmServer(Seeded, new VmServerRequest("no-such-pool")));
    }

    [Fact]
    public async Task Servers_appear_and_vanish_through_the_admin_endpoint()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var pool = spot.Host.ListResourceNames("vmpools")[1];
        var admin = $"/_emulator/vmcloudspaces/{spot.Namespace}/{Seeded}/servers";

        using var add = await spot.Http.PostAsJsonAsync(new Uri(admin, UriKind.Relative), new { nodePoolName = pool, serverName = "srv-new", IP = "192.0.2.99" });
        var key = (await add.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
        var added = await Servers(spot);
        using var remove = await spot.Http.DeleteAsync(new Uri(admin + "/" + key, UriKind.Relative));
        using var again = await spot.Http.DeleteAsync(new Uri(admin + "/" + key, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        Assert.Equal("192.0.2.99", added["srv-new"]!["ipAddress"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False((await Servers(spot)).ContainsKey("srv-new"));
    }

    [Fact]
    public async Task Events_record_what_happened_newest_first_and_honour_limits()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var pool = Objects.NewPoolName();
        await spot.CreateSpotPoolAsync(pool, "alpha");
        await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"));

        var (status, all) = await spot.GetAsync("/apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=100");
        var (_, two) = await spot.GetAsync("/apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(spot.Host.OrganizationId, all["org_id"]!.GetValue<string>());
        var messages = all["events"]!.AsArray().Select(e => e![1]!.GetValue<string>()).ToList();
        Assert.Equal("CloudSpace alpha deleted", messages[0]);
        Assert.Contains($"SpotNodePool {pool} created in cloudspace alpha", messages);
        Assert.Contains("CloudSpace alpha created", messages);
        Assert.True(messages.IndexOf("CloudSpace alpha created") > messages.IndexOf($"SpotNodePool {pool} created in cloudspace alpha"));
        Assert.All(all["events"]!.AsArray(), e => Assert.True(DateTimeOffset.TryParse(e![0]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.Equal(2, two["events"]!.AsArray().Count);
    }

    private static async Task<JsonObject> Servers(EmulatorSession spot)
    {
        var (_, list) = await spot.GetAsync(spot.Path("vmcloudspaces"));
        return list["items"]![0]!["status"]!["assignedServers"]!.AsObject();
    }
}
