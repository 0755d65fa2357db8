using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Rsspot.Emulator.Tests.Auth;

public class AuthTests
{
    private const string OrganizationsPath = "/apis/auth.ngpc.rxt.io/v1/organizations";

    [Fact]
    public async Task Token_exchange_issues_a_jwt_id_token_with_the_configured_lifetime()
    {
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(90) }, authenticate: false);

        var (status, body) = await spot.PostFormAsync("/oauth/token", new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = EmulatorOptions.PublicClientId,
            ["refresh_token"] = EmulatorOptions.DefaultRefreshToken,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(90, body["expires_in"]!.GetValue<long>());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.Contains("openid", body["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        var parts = body["id_token"]!.GetValue<string>().Split('.');
        Assert.Equal(3, parts.Length);
        var header = Decode(parts[0]);
        var payload = Decode(parts[1]);
        Assert.Equal("HS256", header["alg"]!.GetValue<string>());
        Assert.Equal(90, payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(payload["sub"]!.GetValue<string>()));
        Assert.Contains('@', payload["email"]!.GetValue<string>());
        Assert.Equal(1, spot.Host.TokenExchanges);
    }

    [Theory]
    [InlineData("refresh_token", EmulatorOptions.PublicClientId, "wrong-token", 401, "invalid_grant")]
    [InlineData("refresh_token", EmulatorOptions.PublicClientId, "", 401, "invalid_grant")]
    [InlineData("refresh_token", "some-other-client", EmulatorOptions.DefaultRefreshToken, 401, "invalid_client")]
    [InlineData("password", EmulatorOptions.PublicClientId, EmulatorOptions.DefaultRefreshToken, 400, "unsupported_grant_type")]
    [InlineData("", EmulatorOptions.PublicClientId, EmulatorOptions.DefaultRefreshToken, 400, "invalid_request")]
    public async Task Token_exchange_refuses_a_bad_grant_with_an_oauth_error(string grantType, string clientId, string refreshToken, int expectedStatus, string expectedError)
    {
        await using var spot = await EmulatorSession.StartAsync(authenticate: false);

        var (status, body) = await spot.PostFormAsync("/oauth/token", new()
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["refresh_token"] = refreshToken,
        });

        Assert.Equal(expectedStatus, (int)status);
        Assert.Equal(expectedError, body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error_description"]!.GetValue<string>()));
        Assert.Equal(0, spot.Host.TokenExchanges);
    }

    [Fact]
    public async Task Token_exchange_rejects_a_json_body()
    {
        await using var spot = await EmulatorSession.StartAsync(authenticate: false);

        var (status, body) = await spot.SendAsync(HttpMethod.Post, "/oauth/token", new JsonObject { ["grant_type"] = "refresh_token" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_configured_client_id_and_refresh_token_are_accepted()
    {
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { ClientId = "my-client", RefreshToken = "my-refresh" }, authenticate: false);

        var (status, _) = await spot.PostFormAsync("/oauth/token", new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "my-client",
            ["refresh_token"] = "my-refresh",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("my-refresh", spot.Host.RefreshToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJl")]
    public async Task Api_calls_without_a_valid_bearer_get_a_401_status(string? authorization)
    {
        await using var spot = await EmulatorSession.StartAsync(authenticate: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(OrganizationsPath, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await spot.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertStatus(body, 401, "Unauthorized");
    }

    [Fact]
    public async Task A_token_with_a_tampered_payload_is_refused()
    {
        await using var spot = await EmulatorSession.StartAsync(authenticate: false);
        var parts = (await spot.ExchangeTokenAsync()).Split('.');
        var payload = Decode(parts[1]);
        payload["exp"] = payload["exp"]!.GetValue<long>() + 100_000;
        spot.UseBearer($"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}");

        var (status, _) = await spot.GetAsync(OrganizationsPath);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_token_past_its_exp_is_refused_and_a_new_exchange_works_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromSeconds(60) });
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync(OrganizationsPath)).Status);

        clock.Advance(TimeSpan.FromSeconds(61));
        var (status, body) = await spot.GetAsync(OrganizationsPath);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("expired", body["message"]!.GetValue<string>(), StringComparison.Ordinal);

        spot.UseBearer(await spot.ExchangeTokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync(OrganizationsPath)).Status);
    }

    [Fact]
    public async Task Forced_expiry_retires_every_issued_token_through_the_host_and_the_admin_endpoint()
    {
        await using var spot = await EmulatorSession.StartAsync();
        spot.Host.ExpireTokens();
        Assert.Equal(HttpStatusCode.Unauthorized, (await spot.GetAsync(OrganizationsPath)).Status);

        spot.UseBearer(await spot.ExchangeTokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync(OrganizationsPath)).Status);

        using var expire = await spot.Http.PostAsync(new Uri("/_emulator/tokens/expire", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await spot.GetAsync(OrganizationsPath)).Status);
    }

    [Fact]
    public async Task Price_documents_need_no_bearer()
    {
        await using var spot = await EmulatorSession.StartAsync(authenticate: false);

        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync("/percentiles.json")).Status);
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync("/comparable_prices.json")).Status);
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync("/history/gp.vs1.medium-dfw")).Status);
    }

    internal static void AssertStatus(JsonNode body, int code, string reason)
    {
        Assert.Equal("Status", body["kind"]!.GetValue<string>());
        Assert.Equal("v1", body["apiVersion"]!.GetValue<string>());
        Assert.Equal("Failure", body["status"]!.GetValue<string>());
        Assert.Equal(reason, body["reason"]!.GetValue<string>());
        Assert.Equal(code, body["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
    }

    private static JsonObject Decode(string part) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(part))!.AsObject();
}
