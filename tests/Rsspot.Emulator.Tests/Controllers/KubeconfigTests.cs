using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Rsspot.Emulator.Tests.Controllers;

public class KubeconfigTests
{
    private const string Path = "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig";

    [Fact]
    public async Task A_ready_cloudspace_gets_a_kubeconfig_without_a_bearer()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var created = await spot.CreateCloudspaceAsync("alpha");
        spot.UseBearer(null);

        var (status, body) = await spot.SendAsync(HttpMethod.Post, Path, Request(spot, "alpha"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["status_code"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
        var kubeconfig = body["data"]!["kubeconfig"]!.GetValue<string>();
        Assert.Contains("kind: Config", kubeconfig, StringComparison.Ordinal);
        Assert.Contains("server: " + created["status"]!["APIServerEndpoint"]!.GetValue<string>(), kubeconfig, StringComparison.Ordinal);
        Assert.Contains("token: ey", kubeconfig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organization_may_be_named_by_id()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var request = Request(spot, "alpha");
        request["organization_name"] = spot.Host.OrganizationId;

        var (status, _) = await spot.SendAsync(HttpMethod.Post, Path, request);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_bad_refresh_token_is_401()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var request = Request(spot, "alpha");
        request["refresh_token"] = "stolen";

        var (status, body) = await spot.SendAsync(HttpMethod.Post, Path, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error_description"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("organization_name", null)]
    [InlineData("cloudspace_name", null)]
    [InlineData("refresh_token", null)]
    [InlineData("organization_name", "no-such-org")]
    [InlineData("cloudspace_name", "ghost")]
    public async Task A_missing_field_or_an_unknown_org_or_cloudspace_is_400(string field, string? value)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var request = Request(spot, "alpha");
        if (value is null)
        {
            request.Remove(field);
        }
        else
        {
            request[field] = value;
        }

        var (status, body) = await spot.SendAsync(HttpMethod.Post, Path, request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(body["error"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["error_description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_cloudspace_still_provisioning_has_no_kubeconfig_yet()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = clock, ReadyAfter = TimeSpan.FromMinutes(1) });
        await spot.CreateCloudspaceAsync("alpha");

        var (early, _) = await spot.SendAsync(HttpMethod.Post, Path, Request(spot, "alpha"));
        clock.Advance(TimeSpan.FromMinutes(1));
        var (later, _) = await spot.SendAsync(HttpMethod.Post, Path, Request(spot, "alpha"));

        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.Equal(HttpStatusCode.OK, later);
    }

    private static JsonObject Request(EmulatorSession spot, string cloudspace) => new()
    {
        ["organization_name"] = spot.Host.OrganizationName,
        ["cloudspace_name"] = cloudspace,
        ["refresh_token"] = spot.Host.RefreshToken,
    };
}
