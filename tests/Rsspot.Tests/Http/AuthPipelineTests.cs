using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Rsspot.Auth;
using Rsspot.Generated.OAuth;
using Rsspot.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

public sealed class AuthPipelineTests
{
    private const string RefreshToken = "refresh-secret-value";

    [Fact]
    public async Task Fifty_concurrent_calls_with_an_expired_token_share_one_refresh()
    {
        var fresh = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), tag: "fresh");
        var tokenCalls = 0;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/oauth/token")
            {
                Interlocked.Increment(ref tokenCalls);
                await Task.Delay(100);
                await context.Response.WriteAsJsonAsync(new { id_token = fresh, access_token = "x", expires_in = 3600, token_type = "Bearer" });
                return;
            }

            context.Response.StatusCode = context.Request.Headers.Authorization == $"Bearer {fresh}" ? 200 : 401;
        });
        using var http = ApiClient(server.BaseUrl, TestJwt.Create(DateTimeOffset.UtcNow.AddMinutes(-5)), out var tokens);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, tokenCalls);
        Assert.Equal(1, tokens.RefreshCount);
    }

    [Fact]
    public async Task A_401_on_a_token_believed_valid_refreshes_once_and_retries_once()
    {
        var stale = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), tag: "revoked");
        var fresh = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), tag: "fresh");
        var apiCalls = 0;
        var tokenCalls = 0;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/oauth/token")
            {
                Interlocked.Increment(ref tokenCalls);
                await context.Response.WriteAsJsonAsync(new { id_token = fresh });
                return;
            }

            Interlocked.Increment(ref apiCalls);
            context.Response.StatusCode = context.Request.Headers.Authorization == $"Bearer {fresh}" ? 200 : 401;
        });
        using var http = ApiClient(server.BaseUrl, stale, out _);

        var response = await http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, tokenCalls);
        Assert.Equal(2, apiCalls);
    }

    [Fact]
    public async Task A_second_401_after_the_refresh_is_returned_not_retried_again()
    {
        var apiCalls = 0;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/oauth/token")
            {
                await context.Response.WriteAsJsonAsync(new { id_token = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)) });
                return;
            }

            Interlocked.Increment(ref apiCalls);
            context.Response.StatusCode = 401;
        });
        using var http = ApiClient(server.BaseUrl, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), out _);

        var response = await http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, apiCalls);
    }

    [Fact]
    public async Task A_refused_refresh_token_raises_AuthException_that_says_what_to_do_without_the_token()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = "Unknown or invalid refresh token." });
        });
        using var http = ApiClient(server.BaseUrl, accessToken: null, out _);

        var error = await Assert.ThrowsAsync<AuthException>(() => http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative)));

        Assert.Equal("invalid_grant", error.OAuthError);
        Assert.Contains("RSSPOT_REFRESH_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_credentials_at_all_raises_AuthException_before_any_request()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Task.CompletedTask);
        var tokens = new TokenManager(new OAuthTokenExchanger(OAuthClient(server.BaseUrl), SpotHosts.PublicClientId), refreshToken: null);

        var error = await Assert.ThrowsAsync<AuthException>(() => tokens.GetTokenAsync(CancellationToken.None));

        Assert.Contains("No refresh token", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task The_token_request_is_a_refresh_token_grant_with_the_client_id()
    {
        IFormCollection? form = null;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            form = await context.Request.ReadFormAsync();
            await context.Response.WriteAsJsonAsync(new { id_token = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)) });
        });
        var tokens = new TokenManager(new OAuthTokenExchanger(OAuthClient(server.BaseUrl), "my-client"), RefreshToken);

        await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("refresh_token", form!["grant_type"]);
        Assert.Equal("my-client", form["client_id"]);
        Assert.Equal(RefreshToken, form["refresh_token"]);
    }

    [Fact]
    public async Task Kubeconfig_generation_is_sent_without_a_bearer()
    {
        string? authorization = "unset";
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            authorization = context.Request.Headers.Authorization.ToString();
            return Task.CompletedTask;
        });
        using var http = ApiClient(server.BaseUrl, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), out _);

        await http.PostAsJsonAsync(new Uri("/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig", UriKind.Relative), new { cloudspace_name = "a" });

        Assert.Equal(string.Empty, authorization);
    }

    internal static HttpClient ApiClient(string baseUrl, string? accessToken, out TokenManager tokens)
    {
        tokens = new TokenManager(new OAuthTokenExchanger(OAuthClient(baseUrl), SpotHosts.PublicClientId), RefreshToken, accessToken);
        var handler = SpotHttpPipeline.CreateApiHandler(
            tokens,
            new RetryOptions { MaxAttempts = 1 },
            new CacheOptions { Enabled = false },
            store: null,
            SpotHttpPipeline.CreateTransport(verifyTls: true));
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }

    private static SpotOAuthClient OAuthClient(string baseUrl) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient(SpotHttpPipeline.CreateTransport(true))) { BaseUrl = baseUrl });
}
