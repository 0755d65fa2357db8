using Rsspot.Emulator;
using Rsspot.Generated.Api.Models;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client;

public sealed class ClientDisposalTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    /// <summary>One operation of every group, in both forms; the price-data host is built lazily, the others eagerly.</summary>
    public static TheoryData<string> Operations() =>
    [
        "organizations.list", "organizations.list.sync", "organizations.current", "organizations.current.sync",
        "regions.list", "regions.list.sync",
        "serverclasses.get", "serverclasses.get.sync",
        "pricing.history", "pricing.history.sync", "pricing.catalog", "pricing.catalog.sync",
        "cloudspaces.list", "cloudspaces.list.sync", "cloudspaces.patch", "cloudspaces.patch.sync",
        "cloudspaces.kubeconfig", "cloudspaces.kubeconfig.sync",
        "spotnodepools.list", "spotnodepools.list.sync", "ondemandnodepools.get", "ondemandnodepools.get.sync",
        "inventory.vmcloudspaces", "inventory.vmcloudspaces.sync",
        "raw.send", "raw.send.sync",
    ];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_of_a_disposed_client_throws_ObjectDisposedException_before_any_request(string operation)
    {
        using var state = new TempDirectory();
        var emulator = fixture.Emulator;
        var client = EmulatorClients.Create(emulator, state.Path, o => o with { NoCache = true });
        client.Dispose();
        var before = emulator.GetRequestLog().Count;

        var error = await Record.ExceptionAsync(() => Run(client, operation));

        Assert.IsType<ObjectDisposedException>(error);
        Assert.Equal(before, emulator.GetRequestLog().Count);
    }

    [Theory]
    [InlineData("regions.list")]
    [InlineData("pricing.history.sync")]
    [InlineData("cloudspaces.list")]
    public async Task A_client_disposed_after_use_sends_nothing_more(string operation)
    {
        using var state = new TempDirectory();
        var emulator = fixture.Emulator;
        var client = EmulatorClients.Create(emulator, state.Path);
        await Run(client, operation);
        await client.DisposeAsync();
        var before = emulator.GetRequestLog().Count;

        await Assert.ThrowsAsync<ObjectDisposedException>(() => Run(client, operation));
        Assert.Equal(before, emulator.GetRequestLog().Count);
    }

    [Fact]
    public async Task Disposing_during_a_call_ends_it_as_disposed_never_as_a_timeout()
    {
        await using var slow = await EmulatorHost.StartAsync(new EmulatorOptions { OrganizationPageSize = 2 });
        using var state = new TempDirectory();
        var sent = new SentSignal("/apis/ngpc.rxt.io/v1/regions");
        var client = EmulatorClients.Create(slow, state.Path, o => o with { NoCache = true, PerAttemptHandlers = [sent.Handler] });
        await client.Organizations.CurrentAsync();
        slow.SetFaults(new FaultSettings { LatencyMs = 5_000, PathPrefix = "/apis/ngpc.rxt.io/v1/regions" });

        var call = client.Regions.ListAsync();
        await sent.Task;
        client.Dispose();
        var error = await Record.ExceptionAsync(() => call);

        Assert.True(error is ObjectDisposedException or OperationCanceledException, $"got {error}");
        Assert.DoesNotContain("timed out", error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("timeout", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Disposing_during_a_blocking_call_ends_it_as_disposed()
    {
        await using var slow = await EmulatorHost.StartAsync(new EmulatorOptions { OrganizationPageSize = 2 });
        using var state = new TempDirectory();
        var sent = new SentSignal("/apis/ngpc.rxt.io/v1/regions");
        var client = EmulatorClients.Create(slow, state.Path, o => o with { NoCache = true, PerAttemptHandlers = [sent.Handler] });
        client.Organizations.Current();
        slow.SetFaults(new FaultSettings { LatencyMs = 5_000, PathPrefix = "/apis/ngpc.rxt.io/v1/regions" });

        var call = Task.Run(() => client.Regions.List());
        await sent.Task;
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call);
    }

    /// <summary>A per-attempt handler that signals when a request to a path leaves the client.</summary>
    private sealed class SentSignal(string path)
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _sent.Task.WaitAsync(TimeSpan.FromSeconds(30));

        public DelegatingHandler Handler() => new Signal(this);

        private sealed class Signal(SentSignal owner) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = base.SendAsync(request, cancellationToken);
                if (request.RequestUri?.AbsolutePath.StartsWith(owner._path, StringComparison.Ordinal) == true)
                {
                    owner._sent.TrySetResult();
                }

                return response;
            }
        }

        private readonly string _path = path;
    }

    private static Task Run(SpotClient client, string operation) => operation switch
    {
        "organizations.list" => client.Organizations.ListAsync(),
        "organizations.list.sync" => Task.Run(() => client.Organizations.List()),
        "organizations.current" => client.Organizations.CurrentAsync(),
        "organizations.current.sync" => Task.Run(() => client.Organizations.Current()),
        "regions.list" => client.Regions.ListAsync(),
        "regions.list.sync" => Task.Run(() => client.Regions.List()),
        "serverclasses.get" => client.ServerClasses.GetAsync("gp.vs1.medium-dfw"),
        "serverclasses.get.sync" => Task.Run(() => client.ServerClasses.Get("gp.vs1.medium-dfw")),
        "pricing.history" => client.Pricing.GetHistoryAsync("gp.vs1.medium-dfw"),
        "pricing.history.sync" => Task.Run(() => client.Pricing.GetHistory("gp.vs1.medium-dfw")),
        "pricing.catalog" => client.Pricing.GetCatalogAsync(),
        "pricing.catalog.sync" => Task.Run(() => client.Pricing.GetCatalog()),
        "cloudspaces.list" => client.Cloudspaces.ListAsync(),
        "cloudspaces.list.sync" => Task.Run(() => client.Cloudspaces.List()),
        "cloudspaces.patch" => client.Cloudspaces.PatchAsync("some-cloudspace", new CloudSpace()),
        "cloudspaces.patch.sync" => Task.Run(() => client.Cloudspaces.Patch("some-cloudspace", new CloudSpace())),
        "cloudspaces.kubeconfig" => client.Cloudspaces.GetKubeconfigAsync("some-cloudspace"),
        "cloudspaces.kubeconfig.sync" => Task.Run(() => client.Cloudspaces.GetKubeconfig("some-cloudspace")),
        "spotnodepools.list" => client.SpotNodePools.ListAsync(),
        "spotnodepools.list.sync" => Task.Run(() => client.SpotNodePools.List()),
        "ondemandnodepools.get" => client.OnDemandNodePools.GetAsync("0b6c7a2e-4f1d-4d8e-9a61-3f2b7c9d1e05"),
        "ondemandnodepools.get.sync" => Task.Run(() => client.OnDemandNodePools.Get("0b6c7a2e-4f1d-4d8e-9a61-3f2b7c9d1e05")),
        "inventory.vmcloudspaces" => client.Inventory.ListVmCloudspacesAsync(),
        "inventory.vmcloudspaces.sync" => Task.Run(() => client.Inventory.ListVmCloudspaces()),
        "raw.send" => client.Raw.SendAsync("GET", "/apis/ngpc.rxt.io/v1/regions"),
        "raw.send.sync" => Task.Run(() => client.Raw.Send("GET", "/apis/ngpc.rxt.io/v1/regions")),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
