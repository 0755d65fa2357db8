using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Tests.Auth;

namespace Rsspot.Emulator.Tests.Faults;

public class FaultTests
{
    private const string Regions = "/apis/ngpc.rxt.io/v1/regions";

    [Fact]
    public async Task The_next_n_requests_are_429_with_retry_after_then_service_resumes()
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.SetFaults(new FaultSettings { RateLimitCount = 2, RetryAfterSeconds = 7 });

        for (var i = 0; i < 2; i++)
        {
            using var limited = await spot.Http.GetAsync(new Uri(Regions, UriKind.Relative));
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
            var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
            AuthTests.AssertStatus(body, 429, "TooManyRequests");
        }

        using var ok = await spot.Http.GetAsync(new Uri(Regions, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(0, spot.Host.GetFaults().RateLimitCount);
    }

    [Fact]
    public async Task A_rate_limit_share_of_one_limits_every_request()
    {
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { Faults = new FaultSettings { RateLimitRate = 1, PathPrefix = "/apis/" } }, authenticate: false);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await spot.GetAsync(Regions)).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync("/percentiles.json")).Status);
    }

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(502, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task The_next_n_requests_fail_with_the_chosen_5xx(int code, string reason)
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.SetFaults(new FaultSettings { FailCount = 1, FailStatus = code });

        var (status, body) = await spot.GetAsync(Regions);
        var (after, _) = await spot.GetAsync(Regions);

        Assert.Equal(code, (int)status);
        AuthTests.AssertStatus(body, code, reason);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task A_fail_share_of_one_and_zero()
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.SetFaults(new FaultSettings { FailRate = 1, FailStatus = 500 });
        Assert.Equal(HttpStatusCode.InternalServerError, (await spot.GetAsync(Regions)).Status);

        spot.Host.SetFaults(new FaultSettings { FailRate = 0 });
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync(Regions)).Status);
    }

    [Fact]
    public async Task A_dropped_connection_gives_the_client_no_response()
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.SetFaults(new FaultSettings { DropCount = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => spot.Http.GetAsync(new Uri(Regions, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync(Regions)).Status);
        Assert.Contains(spot.Host.GetRequestLog(), e => e.Path == Regions && e.Status == 0);
    }

    [Fact]
    public async Task Faults_can_be_scoped_to_a_method_and_a_path_prefix()
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.SetFaults(new FaultSettings { FailRate = 1, Method = "POST", PathPrefix = "/apis/ngpc.rxt.io/v1/namespaces/" });

        var (get, _) = await spot.GetAsync(spot.Path("cloudspaces"));
        var (post, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), Objects.CloudSpace("a"));
        var token = await spot.ExchangeTokenAsync();

        Assert.Equal(HttpStatusCode.OK, get);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post);
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task Added_latency_delays_the_answer()
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.SetFaults(new FaultSettings { LatencyMs = 300 });

        var watch = Stopwatch.StartNew();
        var (status, _) = await spot.GetAsync(Regions);
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(watch.ElapsedMilliseconds >= 250, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Faults_are_switched_at_run_time_through_the_admin_endpoint()
    {
        await using var spot = await EmulatorSession.StartAsync();

        using var put = await spot.Http.PutAsJsonAsync(new Uri("/_emulator/faults", UriKind.Relative), new { failCount = 1, failStatus = 502 });
        var current = await spot.Http.GetFromJsonAsync<JsonObject>(new Uri("/_emulator/faults", UriKind.Relative));
        var (faulted, _) = await spot.GetAsync(Regions);
        using var bad = await spot.Http.PutAsJsonAsync(new Uri("/_emulator/faults", UriKind.Relative), new { failRate = 2.0 });
        using var clear = await spot.Http.DeleteAsync(new Uri("/_emulator/faults", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, current!["failCount"]!.GetValue<int>());
        Assert.Equal(502, current["failStatus"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadGateway, faulted);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.True(spot.Host.GetFaults().IsEmpty);
    }

    [Fact]
    public async Task Admin_endpoints_are_never_faulted()
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.SetFaults(new FaultSettings { FailRate = 1 });

        using var response = await spot.Http.GetAsync(new Uri("/_emulator/info", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Out_of_range_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new FaultSettings { FailStatus = 404 }.Validate());
        Assert.Throws<ArgumentException>(() => new FaultSettings { DropRate = -0.1 }.Validate());
        Assert.Throws<ArgumentException>(() => new FaultSettings { RateLimitCount = -1 }.Validate());
    }
}
