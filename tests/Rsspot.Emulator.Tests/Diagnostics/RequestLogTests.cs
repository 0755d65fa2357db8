using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.Diagnostics;

public class RequestLogTests
{
    [Fact]
    public async Task Secrets_never_reach_the_request_log()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var idToken = await spot.ExchangeTokenAsync();
        await spot.CreateCloudspaceAsync("alpha");
        await spot.SendAsync(HttpMethod.Post, "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig", new JsonObject
        {
            ["organization_name"] = spot.Host.OrganizationName,
            ["cloudspace_name"] = "alpha",
            ["refresh_token"] = spot.Host.RefreshToken,
        });
        await spot.GetAsync("/apis/ngpc.rxt.io/v1/regions?token=abc123&x=1");

        var log = spot.Host.GetRequestLog();
        using var response = await spot.Http.GetAsync(new Uri("/_emulator/requests", UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(spot.Host.RefreshToken, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(idToken, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", raw, StringComparison.Ordinal);
        var exchange = log.First(e => e.Key == "POST /oauth/token");
        Assert.Contains("grant_type=refresh_token", exchange.Body, StringComparison.Ordinal);
        Assert.Contains("refresh_token=" + RequestLogEntry.Redacted, exchange.Body, StringComparison.Ordinal);
        var create = log.First(e => e.Method == "POST" && e.Path.EndsWith("/cloudspaces", StringComparison.Ordinal));
        Assert.Equal("Bearer " + RequestLogEntry.Redacted, create.Headers["Authorization"]);
        Assert.Contains("\"alpha\"", create.Body, StringComparison.Ordinal);
        Assert.Equal(201, create.Status);
        var regions = log.Last();
        Assert.Equal("?token=" + RequestLogEntry.Redacted + "&x=1", regions.Query);
    }

    [Fact]
    public async Task Counters_count_each_method_and_path_and_the_token_exchanges()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.GetAsync("/apis/ngpc.rxt.io/v1/regions");
        await spot.GetAsync("/apis/ngpc.rxt.io/v1/regions");

        var counters = await spot.Http.GetFromJsonAsync<JsonObject>(new Uri("/_emulator/counters", UriKind.Relative));

        Assert.Equal(1, spot.Host.CountRequests("POST", "/oauth/token"));
        Assert.Equal(2, spot.Host.CountRequests("GET", "/apis/ngpc.rxt.io/v1/regions"));
        Assert.Equal(2, counters!["requests"]!["GET /apis/ngpc.rxt.io/v1/regions"]!.GetValue<int>());
        Assert.Equal(1, counters["tokenExchanges"]!.GetValue<int>());
        Assert.Equal(3, counters["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_log_is_cleared_by_delete_and_admin_calls_are_not_logged()
    {
        await using var spot = await EmulatorSession.StartAsync();
        using var cleared = await spot.Http.DeleteAsync(new Uri("/_emulator/requests", UriKind.Relative));
        await spot.Http.GetAsync(new Uri("/_emulator/counters", UriKind.Relative));
        await spot.GetAsync("/apis/ngpc.rxt.io/v1/regions/uk-lon-1");

        var entries = await spot.Http.GetFromJsonAsync<JsonArray>(new Uri("/_emulator/requests", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        var entry = Assert.Single(entries!)!;
        Assert.Equal("GET", entry["method"]!.GetValue<string>());
        Assert.Equal("/apis/ngpc.rxt.io/v1/regions/uk-lon-1", entry["path"]!.GetValue<string>());
        Assert.Equal(200, entry["status"]!.GetValue<int>());
        Assert.Equal(0, spot.Host.CountRequests("POST", "/oauth/token"));
    }
}
