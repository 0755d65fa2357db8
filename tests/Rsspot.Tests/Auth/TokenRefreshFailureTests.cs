using Microsoft.Extensions.Time.Testing;
using Rsspot.Emulator;
using Rsspot.Tests.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Auth;

/// <summary>
/// A failing or slow OAuth server is reported as the token refresh at oauth_url failing, retried on its own bounded
/// policy, and never multiplied by the API's retries; only a refused refresh token is an authentication error.
/// </summary>
public sealed class TokenRefreshFailureTests(HostileServerFixture fixture) : IClassFixture<HostileServerFixture>, IDisposable
{
    private HostileServer Server => fixture.Server;

    public void Dispose() => Server.Reset();

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_token_endpoint_5xx_is_retried_and_reported_as_the_token_refresh_failing(int status)
    {
        Server.OAuthFault = HostileFault.Status(status);
        using var client = new SpotClient(fixture.Options(attempts: 4));

        var error = await Assert.ThrowsAsync<SpotTransportException>(() => client.Regions.ListAsync());

        Assert.Contains($"token refresh at {Server.BaseUrl} (oauth_url) failed", error.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("could not reach the Spot API", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Server.TokenRequests);
        Assert.Equal(0, Server.ApiRequests);
    }

    [Fact]
    public async Task A_slow_token_endpoint_times_out_as_the_token_refresh_and_API_retries_do_not_multiply_token_requests()
    {
        Server.OAuthFault = HostileFault.Slow(TimeSpan.FromSeconds(5));
        using var client = new SpotClient(fixture.Options(timeout: TimeSpan.FromSeconds(1), attempts: 4));

        var error = await Assert.ThrowsAsync<SpotTransportException>(() => client.Regions.ListAsync());

        Assert.Contains("token refresh at", error.Message, StringComparison.Ordinal);
        Assert.Contains("no complete answer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("base_url", error.Message, StringComparison.Ordinal);
        Assert.InRange(Server.TokenRequests, 1, 3);
        Assert.Equal(0, Server.ApiRequests);
    }

    [Fact]
    public async Task A_malformed_token_answer_is_the_token_refresh_failing_not_an_auth_error()
    {
        Server.OAuthFault = HostileFault.MalformedToken;
        using var client = new SpotClient(fixture.Options());

        var error = await Assert.ThrowsAsync<SpotTransportException>(() => client.Regions.ListAsync());

        Assert.Contains("token refresh at", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Server.ApiRequests);
    }

    [Fact]
    public async Task An_html_token_answer_is_the_token_refresh_failing()
    {
        Server.OAuthFault = HostileFault.Html;
        using var client = new SpotClient(fixture.Options());

        var error = await Assert.ThrowsAsync<SpotTransportException>(() => client.Regions.ListAsync());

        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.TokenRequests);
    }

    [Fact]
    public async Task Invalid_grant_is_an_auth_error_and_not_retried()
    {
        Server.OAuthFault = HostileFault.InvalidGrant;
        using var client = new SpotClient(fixture.Options(attempts: 4));

        var error = await Assert.ThrowsAsync<AuthException>(() => client.Regions.ListAsync());

        Assert.Equal("invalid_grant", error.OAuthError);
        Assert.Equal(1, Server.TokenRequests);
        Assert.Equal(0, Server.ApiRequests);
    }

    [Fact]
    public async Task A_token_endpoint_401_is_an_auth_error()
    {
        Server.OAuthFault = HostileFault.OAuthUnauthorized;
        using var client = new SpotClient(fixture.Options());

        await Assert.ThrowsAsync<AuthException>(() => client.Regions.ListAsync());
        Assert.Equal(0, Server.ApiRequests);
    }

    [Theory]
    [InlineData("regions list")]
    [InlineData("cloudspaces create")]
    [InlineData("raw GET")]
    public async Task An_API_401_even_after_a_fresh_token_is_an_auth_error(string operation)
    {
        Server.ApiFault = HostileFault.Status(401, body: """{"kind":"Status","status":"Failure","reason":"Unauthorized","code":401,"message":"token rejected"}""");
        using var client = new SpotClient(fixture.Options());

        var error = await Assert.ThrowsAsync<AuthException>(() => HostileOperations.All[operation](client));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Server.FaultHits);
    }

    [Fact]
    public async Task A_token_shorter_lived_than_the_margin_is_reused_until_near_its_expiry()
    {
        await using var shortLived = await HostileServer.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(30) });
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new SpotClient(fixture.Options() with
        {
            BaseUrl = shortLived.BaseUrl,
            OAuthUrl = shortLived.BaseUrl,
            PriceDataUrl = shortLived.BaseUrl,
            RefreshToken = shortLived.Emulator.RefreshToken,
            Org = shortLived.Emulator.OrganizationName,
            TimeProvider = time,
        });

        for (var i = 0; i < 20; i++)
        {
            await client.Regions.ListAsync();
        }

        Assert.Equal(1, shortLived.TokenRequests);

        time.Advance(TimeSpan.FromSeconds(31));
        await client.Regions.ListAsync();
        Assert.Equal(2, shortLived.TokenRequests);
    }
}
