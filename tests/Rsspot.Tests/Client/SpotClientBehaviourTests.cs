using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rsspot.Emulator;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client;

public sealed class SpotClientBehaviourTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Organizations_are_listed_across_all_pages()
    {
        using var client = fixture.Client(o => o with { NoCache = true });
        fixture.Emulator.ClearRequestLog();

        var organizations = await client.Organizations.ListAsync();

        Assert.Equal(fixture.Emulator.Organizations.Select(o => o.Id).Order(), organizations.Select(o => o.Id!).Order());
        Assert.True(organizations.Count > 2, "the emulator pages by 2, so more than one page must have been read");
        Assert.True(fixture.Emulator.CountRequests("GET", "/apis/auth.ngpc.rxt.io/v1/organizations") > 1);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("id")]
    [InlineData("namespace")]
    public async Task The_org_is_resolved_by_name_id_or_namespace_once_per_client(string by)
    {
        var emulator = fixture.Emulator;
        var selector = by switch { "name" => emulator.OrganizationName, "id" => emulator.OrganizationId.ToUpperInvariant(), _ => emulator.Namespace };
        using var client = fixture.Client(o => o with { Org = selector, NoCache = true });
        emulator.ClearRequestLog();

        var org = await client.GetOrganizationAsync();
        await client.Cloudspaces.ListAsync();
        await client.SpotNodePools.ListAsync();
        var orgCalls = emulator.CountRequests("GET", "/apis/auth.ngpc.rxt.io/v1/organizations");

        Assert.Equal(emulator.Namespace, org.Namespace);
        Assert.Equal(emulator.OrganizationName, org.Name);
        await client.Cloudspaces.ListAsync();
        Assert.Equal(orgCalls, emulator.CountRequests("GET", "/apis/auth.ngpc.rxt.io/v1/organizations"));
    }

    [Fact]
    public async Task An_unknown_org_fails_with_the_list_of_visible_orgs()
    {
        using var client = fixture.Client(o => o with { Org = "not-mine" });

        var error = await Assert.ThrowsAsync<ConfigException>(() => client.Cloudspaces.ListAsync());

        Assert.Contains("not-mine", error.Message, StringComparison.Ordinal);
        foreach (var org in fixture.Emulator.Organizations)
        {
            Assert.Contains(org.Name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Inventory_lists_VM_cloudspaces_with_their_machines_pools_and_events()
    {
        using var client = fixture.Client();
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("events-a", "us-central-dfw-1"));

        var vmCloudspaces = await client.Inventory.ListVmCloudspacesAsync();
        var first = Assert.Single(vmCloudspaces);
        var vms = InventoryService.AssignedVms(first);
        var pools = await client.Inventory.ListVmPoolsAsync(first.Metadata!.Name);
        var events = await client.Inventory.ListEventsAsync(limit: 50);

        Assert.NotEmpty(vms);
        Assert.All(vms, vm => Assert.False(string.IsNullOrEmpty(vm.ServerName)));
        Assert.NotEmpty(pools);
        Assert.All(pools, p => Assert.Equal(first.Metadata.Name, ModelMaps.ToDictionary(p.Metadata?.Labels)["ngpc.rxt.io/vmcloudspace"]));
        Assert.Contains(events, e => e.Message.Contains("events-a", StringComparison.Ordinal));
        Assert.True((await client.Inventory.ListEventsAsync(limit: 1)).Count <= 1);
    }

    [Fact]
    public async Task Raw_sends_any_path_with_the_namespace_filled_in_and_maps_errors()
    {
        using var client = fixture.Client();

        var regions = await client.Raw.SendAsync("GET", "/apis/ngpc.rxt.io/v1/regions");
        var created = await client.Raw.SendAsync("POST", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces", body: JsonNode.Parse("""
            {"apiVersion":"ngpc.rxt.io/v1","kind":"CloudSpace","metadata":{"name":"raw-a"},"spec":{"region":"us-central-dfw-1","kubernetesVersion":"1.31.1"}}
            """));
        var patched = await client.Raw.SendAsync("PATCH", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces/raw-a", body: JsonNode.Parse("""{"spec":{"webhook":"https://x.test"}}"""));
        var error = await Assert.ThrowsAsync<SpotApiException>(() => client.Raw.SendAsync("GET", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces/none-such"));

        Assert.True(regions!["items"]!.AsArray().Count >= 4);
        Assert.Equal("raw-a", created!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("https://x.test", patched!["spec"]!["webhook"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NotFound", error.Reason);
    }

    [Fact]
    public async Task Cancellation_stops_a_call_in_flight()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Faults = new FaultSettings { LatencyMs = 5000, PathPrefix = "/apis/ngpc.rxt.io/v1/regions" } });
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(emulator, state.Path);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Regions.ListAsync(cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task A_blocking_call_on_a_single_threaded_context_is_refused_naming_the_async_method()
    {
        using var client = fixture.Client();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new SingleThreadedContext());
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => client.Regions.List());
            Assert.Contains("ListAsync", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.NotEmpty(client.Regions.List());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_blocking_call_runs_on_a_context_the_application_allowed()
    {
        using var client = fixture.Client();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new AllowedPoolContext());
        try
        {
            Assert.Throws<InvalidOperationException>(() => client.Regions.List());
            SpotClient.AllowBlockingOn(typeof(AllowedPoolContext));
            Assert.NotEmpty(client.Regions.List());
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.Throws<ArgumentException>(() => SpotClient.AllowBlockingOn(typeof(string)));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Scoped_overrides_flow_across_await_and_pick_the_shared_client()
    {
        var emulator = fixture.Emulator;
        SpotClient.Configure(EmulatorClients.Options(emulator, fixture.State.Path) with { Org = null });
        try
        {
            var other = emulator.Organizations.First(o => o.Name != emulator.OrganizationName);
            using (SpotScope.UseOrg(other.Name))
            {
                await Task.Yield();
                Assert.Equal(other.Name, SpotScope.Org);
                var inScope = SpotClient.Current;
                Assert.Equal(other.Namespace, (await inScope.GetOrganizationAsync()).Namespace);
                await Task.Run(async () =>
                {
                    await Task.Delay(1);
                    Assert.Same(inScope, SpotClient.Current);
                });

                using (SpotScope.UseRegion("uk-lon-1"))
                {
                    Assert.Equal("uk-lon-1", SpotClient.Current.Profile.Region);
                    Assert.NotSame(inScope, SpotClient.Current);
                }

                Assert.Same(inScope, SpotClient.Current);
            }

            Assert.Null(SpotScope.Org);
            Assert.Equal(emulator.OrganizationName, (await SpotClient.GetShared(org: emulator.OrganizationName).GetOrganizationAsync()).Name);
        }
        finally
        {
            SpotClient.CloseAll();
        }
    }

    [Fact]
    public async Task Configure_leaves_a_shared_client_that_is_still_held_working_and_CloseAll_ends_it()
    {
        SpotClient.Configure(EmulatorClients.Options(fixture.Emulator, fixture.State.Path));
        try
        {
            var held = SpotClient.Current;
            Assert.NotEmpty(await held.Regions.ListAsync());

            SpotClient.Configure(EmulatorClients.Options(fixture.Emulator, fixture.State.Path) with { Region = "uk-lon-1" });

            Assert.NotEmpty(await held.Regions.ListAsync());
            Assert.NotSame(held, SpotClient.Current);
            Assert.Equal("uk-lon-1", SpotClient.Current.Profile.Region);

            SpotClient.CloseAll();
            await Assert.ThrowsAsync<ObjectDisposedException>(() => held.Regions.ListAsync());
        }
        finally
        {
            SpotClient.CloseAll();
        }
    }

    [Fact]
    public async Task AddRsspot_registers_a_working_client_over_IHttpClientFactory()
    {
        var services = new ServiceCollection();
        services.AddRsspot(_ => EmulatorClients.Options(fixture.Emulator, fixture.State.Path));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SpotClient>();
        var regions = provider.GetRequiredService<RegionsService>();

        Assert.Same(client.Regions, regions);
        Assert.Contains(await regions.ListAsync(), r => r.Metadata?.Name == "uk-lon-1");
    }

    [Fact]
    public async Task Transient_faults_are_retried_and_a_forced_token_expiry_is_refreshed()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(emulator, state.Path, o => o with { NoCache = true });
        await client.Regions.ListAsync();

        emulator.SetFaults(new FaultSettings { FailCount = 2, FailStatus = 503, PathPrefix = "/apis/ngpc.rxt.io/v1/regions" });
        emulator.ClearRequestLog();
        Assert.NotEmpty(await client.Regions.ListAsync());
        Assert.Equal(3, emulator.CountRequests("GET", "/apis/ngpc.rxt.io/v1/regions"));

        emulator.ClearFaults();
        emulator.ExpireTokens();
        Assert.NotEmpty(await client.Regions.ListAsync());
        Assert.Equal(2, emulator.TokenExchanges);
    }

    [Fact]
    public async Task The_sqlite_cache_is_shared_between_clients_of_one_identity_only()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var state = new TempDirectory();
        using (var first = EmulatorClients.Create(emulator, state.Path))
        {
            await first.Regions.ListAsync();
        }

        using (var second = EmulatorClients.Create(emulator, state.Path))
        {
            await second.Regions.ListAsync();
        }

        Assert.Equal(1, emulator.CountRequests("GET", "/apis/ngpc.rxt.io/v1/regions"));

        using var otherAccount = EmulatorClients.Create(emulator, state.Path, o => o with { RefreshToken = null, AccessToken = emulator.CreateIdToken() });
        await otherAccount.Regions.ListAsync();
        Assert.Equal(2, emulator.CountRequests("GET", "/apis/ngpc.rxt.io/v1/regions"));
    }

    [Fact]
    public async Task No_credentials_fail_with_an_AuthException_that_says_what_to_do()
    {
        using var client = fixture.Client(o => o with { RefreshToken = null });

        var error = await Assert.ThrowsAsync<AuthException>(() => client.Regions.ListAsync());

        Assert.Contains("refresh token", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unreachable_API_is_a_transport_error()
    {
        using var client = fixture.Client(o => o with { BaseUrl = "http://127.0.0.1:9", AccessToken = fixture.Emulator.CreateIdToken(), Retry = o.Retry! with { MaxAttempts = 1 } });

        var error = await Assert.ThrowsAsync<SpotTransportException>(() => client.Regions.ListAsync());

        Assert.Contains("could not reach", error.Message, StringComparison.Ordinal);
    }

    private sealed class AllowedPoolContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    private sealed class SingleThreadedContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => throw new NotSupportedException();
    }
}
