using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Rsspot.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

public sealed class RetryPipelineTests
{
    private static readonly Uri Regions = new("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative);
    private static readonly Uri Cloudspaces = new("/apis/ngpc.rxt.io/v1/namespaces/org-a/cloudspaces", UriKind.Relative);

    [Fact]
    public async Task A_429_is_retried_only_after_the_Retry_After_delay()
    {
        var time = new TimerWatchingTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await LoopbackServer.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "2";
            }

            return Task.CompletedTask;
        });
        using var http = Client(server.BaseUrl, new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(10) }, time);

        var call = http.GetAsync(Regions);
        await WaitUntil(() => server.RequestCount == 1);

        // The clock may only move once the client has read the 429 and started its 2 s wait; moving it earlier would
        // start the wait after the move (a race on a loaded machine, not a retry bug).
        await WaitUntil(() => time.TimersDueWithin(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)) > 0);
        time.Advance(TimeSpan.FromSeconds(1.5));
        await Task.Delay(100);
        Assert.Equal(1, server.RequestCount);
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(0.6));
        var response = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_GET_is_retried_on_5xx_until_it_succeeds()
    {
        await using var server = await LoopbackServer.StartAsync((context, n) =>
        {
            context.Response.StatusCode = n switch { 1 => 500, 2 => 502, _ => 200 };
            return Task.CompletedTask;
        });
        using var http = Client(server.BaseUrl, Fast(4));

        var response = await http.GetAsync(Regions);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Retries_stop_at_max_attempts_and_return_the_last_answer()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var http = Client(server.BaseUrl, Fast(3));

        var response = await http.GetAsync(Regions);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_POST_is_not_retried_after_a_500()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var http = Client(server.BaseUrl, Fast(4));

        var response = await http.PostAsync(Cloudspaces, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_POST_is_retried_after_a_503_with_the_same_body()
    {
        var bodies = new List<string>();
        await using var server = await LoopbackServer.StartAsync(async (context, n) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (bodies)
            {
                bodies.Add(body);
            }

            context.Response.StatusCode = n == 1 ? 503 : 201;
        });
        using var http = Client(server.BaseUrl, Fast(4));

        var response = await http.PostAsync(Cloudspaces, new StringContent("""{"metadata":{"name":"a"}}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["""{"metadata":{"name":"a"}}""", """{"metadata":{"name":"a"}}"""], bodies);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_a_GET_but_not_for_a_POST()
    {
        await using var server = await LoopbackServer.StartAsync((context, n) =>
        {
            if (n == 1 || context.Request.Method == "POST")
            {
                context.Abort();
            }

            return Task.CompletedTask;
        });
        using var http = Client(server.BaseUrl, Fast(3));

        var get = await http.GetAsync(Regions);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(2, server.RequestCount);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsync(Cloudspaces, new StringContent("{}")));
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_POST()
    {
        var port = FreePort();
        var counter = new CountingHandler { InnerHandler = SpotHttpPipeline.CreateTransport(true) };
        using var http = new HttpClient(SpotHttpPipeline.CreatePlainHandler(Fast(3), counter)) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsync(Cloudspaces, new StringContent("{}")));

        Assert.Equal(3, counter.Count);
    }

    [Fact]
    public async Task An_attempt_that_exceeds_the_timeout_fails_with_a_timeout_message()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) => await Task.Delay(5000, context.RequestAborted));
        using var http = Client(server.BaseUrl, Fast(1) with { AttemptTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<RequestTimedOutException>(() => http.GetAsync(Regions));

        Assert.Contains("no complete answer", error.Message, StringComparison.Ordinal);
    }

    private static RetryOptions Fast(int attempts) => new() { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) };

    private static HttpClient Client(string baseUrl, RetryOptions options, TimeProvider? time = null) =>
        new(SpotHttpPipeline.CreatePlainHandler(options, SpotHttpPipeline.CreateTransport(true), time)) { BaseAddress = new Uri(baseUrl) };

    /// <summary>A fake clock that also counts the timers created with a due time in a range (the retry's wait).</summary>
    private sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly List<TimeSpan> _dueTimes = [];

        public int TimersDueWithin(TimeSpan min, TimeSpan max)
        {
            lock (_dueTimes)
            {
                return _dueTimes.Count(d => d >= min && d <= max);
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_dueTimes)
            {
                _dueTimes.Add(dueTime);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
