using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Rsspot.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

/// <summary>
/// Concurrent calls on one client share a bounded number of connections per server, counted where they arrive: on
/// a Kestrel server on 127.0.0.1.
/// </summary>
public sealed class ConnectionCapTests
{
    private const string Regions = """{"apiVersion":"v1","kind":"RegionList","items":[{"metadata":{"name":"r-1"}}]}""";

    [Fact]
    public async Task Two_thousand_concurrent_calls_open_at_most_the_default_cap_of_connections()
    {
        var connections = new ConcurrentDictionary<string, byte>();
        await using var server = await SlowRegionsServer(connections);
        using var state = new TempDirectory();
        using var client = new SpotClient(Options(server, state));

        var calls = Enumerable.Range(0, 2000).Select(_ => client.Regions.ListAsync()).ToList();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(2000, server.RequestCount);
        Assert.Equal(100, SpotHttpPipeline.DefaultMaxConnectionsPerServer);
        Assert.InRange(connections.Count, 2, SpotHttpPipeline.DefaultMaxConnectionsPerServer);
    }

    [Fact]
    public async Task The_cap_is_set_by_SpotClientOptions()
    {
        var connections = new ConcurrentDictionary<string, byte>();
        await using var server = await SlowRegionsServer(connections);
        using var state = new TempDirectory();
        using var client = new SpotClient(Options(server, state) with { MaxConnectionsPerServer = 4 });

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.Regions.ListAsync())).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(200, server.RequestCount);
        Assert.InRange(connections.Count, 1, 4);
    }

    [Fact]
    public void A_cap_below_one_is_refused()
    {
        using var state = new TempDirectory();
        var options = SpotClientOptions.Isolated("http://127.0.0.1:9", "refresh-token-value", "acme", state.Path) with { MaxConnectionsPerServer = 0 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SpotClient(options));
        Assert.Contains("MaxConnectionsPerServer", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A server that holds each answer briefly, so calls overlap, and records each connection it sees.</summary>
    internal static Task<LoopbackServer> SlowRegionsServer(ConcurrentDictionary<string, byte> connections) =>
        LoopbackServer.StartAsync(async (context, _) =>
        {
            connections.TryAdd(context.Connection.Id, 0);
            await Task.Delay(20, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Regions, context.RequestAborted);
        });

    internal static SpotClientOptions Options(LoopbackServer server, TempDirectory state) =>
        SpotClientOptions.Isolated(server.BaseUrl, "unused-refresh-token", "acme", state.Path) with
        {
            RefreshToken = null,
            AccessToken = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)),
            NoCache = true,
            Timeout = TimeSpan.FromMinutes(2),
            Retry = new Rsspot.Configuration.RetrySettings(1, TimeSpan.Zero, TimeSpan.Zero, 0, []),
        };
}
