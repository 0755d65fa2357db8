using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rsspot.Configuration;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client;

/// <summary>Every transport-related option means the same with <c>AddRsspot</c> as with <c>new SpotClient</c>.</summary>
public sealed class DependencyInjectionOptionTests
{
    private const string Regions = """{"apiVersion":"v1","kind":"RegionList","items":[{"metadata":{"name":"r-1"}}]}""";

    public static TheoryData<bool> BothWays() => [true, false];

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task VerifySsl_false_reaches_a_self_signed_endpoint(bool throughDependencyInjection)
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = await LoopbackServer.StartAsync(AnswerRegions, certificate);
        using var state = new TempDirectory();

        using var host = Build(throughDependencyInjection, Options(server, state) with { VerifySsl = false });
        var regions = await host.Client.Regions.ListAsync();

        Assert.StartsWith("https://", server.BaseUrl, StringComparison.Ordinal);
        Assert.Equal("r-1", Assert.Single(regions).Metadata?.Name);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task VerifySsl_false_from_the_profile_reaches_a_self_signed_endpoint(bool throughDependencyInjection)
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = await LoopbackServer.StartAsync(AnswerRegions, certificate);
        using var state = new TempDirectory();
        var options = Options(server, state) with
        {
            Config = new RsspotConfig { Profiles = new Dictionary<string, ProfileConfig> { ["default"] = new() { VerifySsl = false } } },
        };

        using var host = Build(throughDependencyInjection, options);

        Assert.Single(await host.Client.Regions.ListAsync());
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task VerifySsl_true_refuses_a_self_signed_endpoint(bool throughDependencyInjection)
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = await LoopbackServer.StartAsync(AnswerRegions, certificate);
        using var state = new TempDirectory();

        using var host = Build(throughDependencyInjection, Options(server, state) with { VerifySsl = true });

        await Assert.ThrowsAsync<SpotTransportException>(() => host.Client.Regions.ListAsync());
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Timeout_bounds_each_attempt(bool throughDependencyInjection)
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await AnswerRegions(context, 0);
        });
        using var state = new TempDirectory();

        using var host = Build(throughDependencyInjection, Options(server, state) with { Timeout = TimeSpan.FromSeconds(2) });

        await Assert.ThrowsAsync<SpotTransportException>(() => host.Client.Regions.ListAsync());
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Retry_settings_decide_how_often_a_failing_request_is_sent(bool throughDependencyInjection)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var state = new TempDirectory();
        var options = Options(server, state) with
        {
            Retry = new RetrySettings(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), 0, [503]),
        };

        using var host = Build(throughDependencyInjection, options);

        await Assert.ThrowsAsync<SpotApiException>(() => host.Client.Regions.ListAsync());
        Assert.Equal(3, server.RequestCount);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task User_handlers_and_the_cache_switch_apply(bool throughDependencyInjection)
    {
        await using var server = await LoopbackServer.StartAsync(AnswerRegions);
        using var state = new TempDirectory();
        var perCall = 0;
        var perAttempt = 0;
        var options = Options(server, state) with
        {
            NoCache = false,
            PerCallHandlers = [() => new CountingHandler(() => Interlocked.Increment(ref perCall))],
            PerAttemptHandlers = [() => new CountingHandler(() => Interlocked.Increment(ref perAttempt))],
        };

        using var host = Build(throughDependencyInjection, options);
        await host.Client.Regions.ListAsync();
        await host.Client.Regions.ListAsync();

        Assert.Equal(2, perCall);
        Assert.Equal(1, perAttempt);
        Assert.Equal(1, server.RequestCount);
    }

    private static SpotClientOptions Options(LoopbackServer server, TempDirectory state) => LoopbackClientOptions.For(server, state);

    private static ClientHost Build(bool throughDependencyInjection, SpotClientOptions options)
    {
        if (!throughDependencyInjection)
        {
            return new ClientHost(new SpotClient(options), null);
        }

        var provider = new ServiceCollection().AddRsspot(_ => options).BuildServiceProvider();
        return new ClientHost(provider.GetRequiredService<SpotClient>(), provider);
    }

    private static async Task AnswerRegions(HttpContext context, int _)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Regions);
    }

    private sealed class CountingHandler(Action count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ClientHost(SpotClient client, ServiceProvider? provider) : IDisposable
    {
        public SpotClient Client { get; } = client;

        public void Dispose()
        {
            if (provider is null)
            {
                Client.Dispose();
            }
            else
            {
                provider.Dispose();
            }
        }
    }
}
