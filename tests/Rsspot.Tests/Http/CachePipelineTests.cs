using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Rsspot.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

public sealed class CachePipelineTests
{
    private static readonly Uri Regions = new("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative);
    private static readonly Uri Cloudspaces = new("/apis/ngpc.rxt.io/v1/namespaces/org-a/cloudspaces", UriKind.Relative);
    private static readonly Uri Organizations = new("/apis/auth.ngpc.rxt.io/v1/organizations", UriKind.Relative);

    [Fact]
    public async Task A_GET_is_served_from_memory_until_its_TTL_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await CountingServer();
        using var http = Client(server.BaseUrl, new CacheOptions { TtlForPath = _ => TimeSpan.FromSeconds(20) }, time);

        var first = await http.GetStringAsync(Regions);
        var second = await http.GetAsync(Regions);
        time.Advance(TimeSpan.FromSeconds(19));
        await http.GetAsync(Regions);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(2));
        var third = await http.GetStringAsync(Regions);

        Assert.Equal(2, server.RequestCount);
        Assert.Equal("memory", second.Headers.GetValues(CacheHandler.CacheHeader).Single());
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
        Assert.NotEqual(first, third);
    }

    [Fact]
    public async Task A_mutation_invalidates_cached_GETs_of_its_API_domain_only()
    {
        await using var server = await CountingServer();
        using var http = Client(server.BaseUrl, new CacheOptions { TtlForPath = _ => TimeSpan.FromMinutes(5) });
        await http.GetAsync(Regions);
        await http.GetAsync(Cloudspaces);
        await http.GetAsync(Organizations);
        Assert.Equal(3, server.RequestCount);

        var patch = new HttpRequestMessage(HttpMethod.Patch, new Uri("/apis/ngpc.rxt.io/v1/namespaces/org-a/cloudspaces/a", UriKind.Relative)) { Content = new StringContent("{}") };
        await http.SendAsync(patch);
        await http.GetAsync(Regions);
        await http.GetAsync(Cloudspaces);
        await http.GetAsync(Organizations);

        Assert.Equal(6, server.RequestCount);
    }

    [Fact]
    public async Task Two_identities_never_see_each_others_answers()
    {
        var identity = "alice";
        await using var server = await CountingServer();
        using var http = Client(server.BaseUrl, new CacheOptions { TtlForPath = _ => TimeSpan.FromMinutes(5), Identity = () => identity });

        var alice = await http.GetStringAsync(Cloudspaces);
        identity = "bob";
        var bob = await http.GetStringAsync(Cloudspaces);
        identity = "alice";
        var aliceAgain = await http.GetStringAsync(Cloudspaces);

        Assert.NotEqual(alice, bob);
        Assert.Equal(alice, aliceAgain);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Bypass_and_a_zero_TTL_always_reach_the_server()
    {
        await using var server = await CountingServer();
        using var http = Client(server.BaseUrl, new CacheOptions { TtlForPath = p => p.Contains("regions", StringComparison.Ordinal) ? TimeSpan.FromMinutes(1) : TimeSpan.Zero });
        await http.GetAsync(Regions);

        var bypass = new HttpRequestMessage(HttpMethod.Get, Regions);
        bypass.Options.Set(SpotRequestOptions.BypassCache, true);
        await http.SendAsync(bypass);
        await http.GetAsync(Cloudspaces);
        await http.GetAsync(Cloudspaces);

        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        await using var server = await LoopbackServer.StartAsync((context, n) =>
        {
            context.Response.StatusCode = n == 1 ? 404 : 200;
            return Task.CompletedTask;
        });
        using var http = Client(server.BaseUrl, new CacheOptions { TtlForPath = _ => TimeSpan.FromMinutes(1) });

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Regions)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Regions)).StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task The_memory_front_keeps_at_most_max_entries()
    {
        await using var server = await CountingServer();
        using var http = Client(server.BaseUrl, new CacheOptions { MaxEntries = 2, TtlForPath = _ => TimeSpan.FromMinutes(1) });

        await http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions/a", UriKind.Relative));
        await http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions/b", UriKind.Relative));
        await http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions/c", UriKind.Relative));
        await http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions/a", UriKind.Relative));

        Assert.Equal(4, server.RequestCount);
    }

    private static Task<LoopbackServer> CountingServer() =>
        LoopbackServer.StartAsync(async (context, n) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"answer":{{n}}}""");
        });

    private static HttpClient Client(string baseUrl, CacheOptions options, TimeProvider? time = null) =>
        new(new CacheHandler(options, store: null, time) { InnerHandler = SpotHttpPipeline.CreateTransport(true) }) { BaseAddress = new Uri(baseUrl) };
}
