using System.Net;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Services;

public sealed class CloudspaceLifecycleTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Region = "us-central-dfw-1";
    private const string ServerClass = "gp.vs1.medium-dfw";

    [Fact]
    public async Task A_cloudspace_with_a_spot_and_an_on_demand_pool_goes_through_its_whole_life()
    {
        using var client = fixture.Client();
        const string name = "lifecycle-a";

        var created = await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, Region)
        {
            Cni = "calico",
            SpotPools = [new SpotNodePoolRequest(name, ServerClass, BidPrice.Parse("$0.5")) { Desired = 2, Labels = new Dictionary<string, string> { ["tier"] = "batch" } }],
            OnDemandPools = [new OnDemandNodePoolRequest(name, ServerClass) { Desired = 1 }],
        });

        Assert.Equal(name, created.Cloudspace.Metadata?.Name);
        var spotName = Assert.Single(created.SpotPools).Metadata!.Name!;
        var onDemandName = Assert.Single(created.OnDemandPools).Metadata!.Name!;
        Assert.Contains(await client.Cloudspaces.ListAsync(), c => c.Metadata?.Name == name);
        Assert.Equal(Region, (await client.Cloudspaces.GetAsync(name)).Spec?.Region);

        var spotPools = await client.SpotNodePools.ListAsync(name);
        var spot = Assert.Single(spotPools);
        Assert.Equal("0.5", spot.Spec?.BidPrice);
        Assert.Equal(2, spot.Spec?.Desired);
        Assert.Equal("batch", ModelMaps.ToDictionary(spot.Spec?.CustomLabels)["tier"]);
        Assert.Single(await client.OnDemandNodePools.ListAsync(name));

        var updatedSpot = await client.SpotNodePools.UpdateAsync(spotName, new NodePoolUpdate { Desired = 4, BidPrice = 0.6m });
        Assert.Equal(4, updatedSpot.Spec?.Desired);
        Assert.Equal("0.6", (await client.SpotNodePools.GetAsync(spotName)).Spec?.BidPrice);
        var updatedOnDemand = await client.OnDemandNodePools.UpdateAsync(onDemandName, new NodePoolUpdate { Desired = 3 });
        Assert.Equal(3, updatedOnDemand.Spec?.Desired);
        var updatedCloudspace = await client.Cloudspaces.UpdateAsync(name, new CloudspaceUpdate { Webhook = "https://hooks.example.test/x" });
        Assert.Equal("https://hooks.example.test/x", updatedCloudspace.Spec?.Webhook);
        Assert.Equal(Region, updatedCloudspace.Spec?.Region);

        await client.SpotNodePools.DeleteAsync(spotName);
        await client.OnDemandNodePools.DeleteAsync(onDemandName);
        Assert.Empty(await client.SpotNodePools.ListAsync(name));
        await client.Cloudspaces.DeleteAsync(name);

        var gone = await Assert.ThrowsAsync<SpotApiException>(() => client.Cloudspaces.GetAsync(name));
        Assert.True(gone.IsNotFound);
        Assert.Equal("NotFound", gone.Reason);
        Assert.Contains(name, gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_blocking_methods_do_the_same_work()
    {
        using var client = fixture.Client();
        const string name = "lifecycle-sync";

        client.Cloudspaces.Create(new CloudspaceCreateRequest(name, Region));
        var pool = client.SpotNodePools.Create(new SpotNodePoolRequest(name, ServerClass, 0.3m) { Desired = 1 });

        Assert.Equal(name, client.Cloudspaces.Get(name).Metadata?.Name);
        Assert.Equal(pool.Metadata?.Name, Assert.Single(client.SpotNodePools.List(name)).Metadata?.Name);
        client.Cloudspaces.Delete(name);
        Assert.DoesNotContain(client.Cloudspaces.List(), c => c.Metadata?.Name == name);
    }

    [Fact]
    public async Task A_duplicate_name_is_AlreadyExists_and_a_bad_field_is_named()
    {
        using var client = fixture.Client();
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("dup-a", Region));

        var duplicate = await Assert.ThrowsAsync<SpotApiException>(() => client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("dup-a", Region)));
        Assert.True(duplicate.IsAlreadyExists);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var invalid = await Assert.ThrowsAsync<SpotApiException>(() => client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("bad-region", "nowhere-1")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("spec.region", invalid.Fields);
    }

    [Fact]
    public async Task Invalid_requests_are_refused_before_anything_is_sent()
    {
        using var client = fixture.Client();
        await client.Regions.ListAsync();
        var posts = fixture.Emulator.GetRequestLog().Count(e => e.Method == "POST" && e.Path.Contains("/namespaces/", StringComparison.Ordinal));

        Assert.Equal("bidPrice", Assert.Throws<ArgumentException>(() => BidPrice.Parse("cheap")).ParamName);
        Assert.Equal("desired", (await Assert.ThrowsAsync<ArgumentException>(() => client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("x-a", ServerClass, 0.1m) { Desired = -1 }))).ParamName);
        Assert.Equal("autoscaling", (await Assert.ThrowsAsync<ArgumentException>(() => client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("x-a", ServerClass, 0.1m) { Autoscaling = new AutoscalingRange(5, 2) }))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("Not_Valid", Region)))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("x-a", ServerClass, 0.1m) { Name = "my-pool" }))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(new string('a', 64), Region)))).ParamName);
        var fourDecimals = await Assert.ThrowsAsync<ArgumentException>(() => client.SpotNodePools.CreateAsync(new SpotNodePoolRequest("x-a", ServerClass, 0.0815m)));
        Assert.Equal("bidPrice", fourDecimals.ParamName);
        Assert.Contains("at most three decimals", fourDecimals.Message, StringComparison.Ordinal);
        Assert.Equal("bidPrice", (await Assert.ThrowsAsync<ArgumentException>(() => client.SpotNodePools.UpdateAsync(SpotNames.NewPoolName(), new NodePoolUpdate { BidPrice = 0.0815m }))).ParamName);

        Assert.Equal(posts, fixture.Emulator.GetRequestLog().Count(e => e.Method == "POST" && e.Path.Contains("/namespaces/", StringComparison.Ordinal)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Kubeconfig_is_generated_and_written_owner_only_without_overwriting()
    {
        using var client = fixture.Client();
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("kube-a", Region));
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "kubeconfig.yaml");

        var kubeconfig = await client.Cloudspaces.GetKubeconfigAsync("kube-a");
        await client.Cloudspaces.WriteKubeconfigAsync("kube-a", path);

        Assert.Contains("apiVersion", kubeconfig, StringComparison.Ordinal);
        Assert.Contains("clusters:", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        await Assert.ThrowsAsync<IOException>(() => client.Cloudspaces.WriteKubeconfigAsync("kube-a", path));
        await client.Cloudspaces.WriteKubeconfigAsync("kube-a", path, overwrite: true);

        var unknown = await Assert.ThrowsAsync<SpotApiException>(() => client.Cloudspaces.GetKubeconfigAsync("no-such-space"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Waiting_reports_the_phases_until_Ready()
    {
        await using var emulator = await Rsspot.Emulator.EmulatorHost.StartAsync(new Rsspot.Emulator.EmulatorOptions { ReadyAfter = TimeSpan.FromSeconds(1.5) });
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(emulator, state.Path);
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("wait-a", Region));
        var phases = new List<string>();

        var ready = await client.Cloudspaces.WaitUntilReadyAsync("wait-a", TimeSpan.FromSeconds(30), new SynchronousProgress(phases));

        Assert.Equal("Ready", ready.Status?.Phase);
        Assert.Equal(["Provisioning", "Ready"], phases);
    }

    [Fact]
    public async Task Waiting_gives_up_after_the_timeout()
    {
        await using var emulator = await Rsspot.Emulator.EmulatorHost.StartAsync(new Rsspot.Emulator.EmulatorOptions { ReadyAfter = TimeSpan.FromHours(1) });
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(emulator, state.Path);
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("wait-b", Region));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.Cloudspaces.WaitUntilReadyAsync("wait-b", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("Provisioning", error.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(List<string> phases) : IProgress<string>
    {
        public void Report(string value) => phases.Add(value);
    }
}
