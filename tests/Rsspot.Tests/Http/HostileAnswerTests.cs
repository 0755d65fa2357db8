using System.Net;
using Rsspot.Configuration;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

/// <summary>One hostile server for the class; each test switches its faults on and off.</summary>
public sealed class HostileServerFixture : IAsyncLifetime
{
    public HostileServer Server { get; private set; } = null!;

    public TempDirectory State { get; } = new();

    public async Task InitializeAsync() => Server = await HostileServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        State.Dispose();
    }

    private string? _token;

    /// <summary>An id_token from the server, fetched once with the default timeouts.</summary>
    public async Task<string> TokenAsync()
    {
        if (_token is null)
        {
            using var client = new SpotClient(Options());
            _token = await client.Tokens.GetTokenAsync(CancellationToken.None);
        }

        return _token;
    }

    public SpotClientOptions Options(TimeSpan? timeout = null, int attempts = 2) => new()
    {
        Config = new RsspotConfig(),
        Environment = new Dictionary<string, string>(),
        HomeDirectory = State.Path,
        StatePath = Path.Combine(State.Path, "state.db"),
        BaseUrl = Server.BaseUrl,
        OAuthUrl = Server.BaseUrl,
        PriceDataUrl = Server.BaseUrl,
        RefreshToken = Server.Emulator.RefreshToken,
        Org = Server.Emulator.OrganizationName,
        NoCache = true,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        Retry = new RetrySettings(attempts, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), 0, [429, 500, 502, 503, 504]),
    };
}

/// <summary>
/// Every operation group against a server that answers with anything but the documented success: each call fails
/// with an SDK exception that says what happened, never a success, a parser's message or a hang.
/// </summary>
public sealed class HostileAnswerTests(HostileServerFixture fixture) : IClassFixture<HostileServerFixture>, IDisposable
{
    /// <summary>Long enough for a token refresh on a busy machine, short enough to keep the suite quick.</summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(2);

    private HostileServer Server => fixture.Server;

    public void Dispose() => Server.Reset();

    public static TheoryData<string> Operations() => HostileOperations.Names();

    public static TheoryData<int> RedirectStatuses() => [301, 302, 303, 307, 308];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_redirect_kind_is_an_API_error_naming_status_and_location_and_is_never_followed(string operation)
    {
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (var fault in new[] { HostileFault.RedirectToOtherHost(status), HostileFault.RedirectRelative(status), HostileFault.RedirectLoop(status) })
            {
                var error = await FailsAsync(operation, fault);

                var api = Assert.IsType<SpotApiException>(error);
                Assert.Equal(status, (int)api.StatusCode);
                Assert.Contains($"HTTP {status}", api.Message, StringComparison.Ordinal);
                Assert.Contains("redirect", api.Message, StringComparison.OrdinalIgnoreCase);
                if (fault.ToString()!.Contains("another host", StringComparison.Ordinal))
                {
                    Assert.Contains("localhost", api.Message, StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal(0, Server.TrapHits);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Html_with_200_is_an_error_naming_the_operation_and_the_content_type(string operation)
    {
        var error = await FailsAsync(operation, HostileFault.Html);

        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Invalid_json_is_an_error_that_says_so(string operation)
    {
        var error = await FailsAsync(operation, HostileFault.InvalidJson);

        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("application/json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_body_of_the_wrong_shape_is_an_error(string operation)
    {
        if (operation.StartsWith("raw", StringComparison.Ordinal))
        {
            return; // raw hands back whatever JSON arrives
        }

        var faults = operation.EndsWith("list", StringComparison.Ordinal)
            ? new[] { HostileFault.ItemsNotAList, HostileFault.StringForObject, HostileFault.ArrayForObject }
            : [HostileFault.StringForObject, HostileFault.ArrayForObject];
        foreach (var fault in faults)
        {
            var error = await FailsAsync(operation, fault);

            Assert.Contains("JSON of the wrong shape", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Every group once: the stall tests wait out a timeout per operation.</summary>
    public static TheoryData<string> OnePerGroup() =>
    [
        "organizations list", "regions get", "server-classes list", "pricing history (price document)", "cloudspaces create",
        "cloudspaces delete", "cloudspaces kubeconfig", "spot pools create", "on-demand pools list", "inventory events", "raw GET",
    ];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_body_over_the_size_limit_is_refused(string operation)
    {
        var error = await FailsAsync(operation, HostileFault.HugeBody(6), options: o => o with { MaxResponseBytes = 1024 * 1024 });

        Assert.Contains("1 MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OnePerGroup))]
    public async Task Stalled_headers_or_a_stalled_body_fail_within_the_request_timeout(string operation)
    {
        foreach (var fault in new[] { HostileFault.StalledBody, HostileFault.StalledHeaders })
        {
            var error = await FailsAsync(operation, fault, timeout: StallTimeout, attempts: 1);

            Assert.IsType<SpotTransportException>(error);
            Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Control_characters_in_a_server_message_never_reach_the_exception(string operation)
    {
        var error = await FailsAsync(operation, HostileFault.ControlCharacters);

        var api = Assert.IsType<SpotApiException>(error);
        Assert.DoesNotContain(api.Message, c => char.IsControl(c));
        Assert.DoesNotContain(api.ApiMessage ?? string.Empty, c => char.IsControl(c));
        Assert.DoesNotContain(api.Reason ?? string.Empty, c => char.IsControl(c));
        if (SpeaksStatus(operation))
        {
            Assert.Contains("bad value here", api.Message, StringComparison.Ordinal);
            Assert.Contains("end second line", api.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_error_that_echoes_secrets_is_redacted(string operation)
    {
        var error = await FailsAsync(operation, HostileFault.EchoingSecrets(Server.Emulator.RefreshToken));

        var api = Assert.IsType<SpotApiException>(error);
        foreach (var text in new[] { api.Message, api.ApiMessage ?? string.Empty })
        {
            Assert.DoesNotContain(Server.Emulator.RefreshToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(HostileFault.EchoedPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
        }

        if (SpeaksStatus(operation))
        {
            Assert.Contains("bad request", api.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The kubeconfig endpoint answers OAuth errors and the price documents none: their messages are not Kubernetes Status.</summary>
    private static bool SpeaksStatus(string operation) => operation is not ("cloudspaces kubeconfig" or "pricing history (price document)");

    [Fact]
    public async Task A_5xx_with_an_html_page_is_an_API_error_with_its_status_after_the_retries()
    {
        var error = await FailsAsync("regions list", HostileFault.Status(502, "text/html", "<html>Bad gateway</html>"), attempts: 3);

        var api = Assert.IsType<SpotApiException>(error);
        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
        Assert.Contains("text/html", api.Message, StringComparison.Ordinal);
        Assert.Equal(3, Server.FaultHits);
    }

    [Fact]
    public async Task Redirects_are_not_followed_through_IHttpClientFactory_either()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddRsspot(_ => fixture.Options());
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SpotClient>(provider);
        Server.ApiFault = HostileFault.RedirectToOtherHost(307);

        var error = await Assert.ThrowsAsync<SpotApiException>(() => client.Regions.ListAsync());

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Equal(0, Server.TrapHits);
    }

    [Fact]
    public async Task A_caller_supplied_transport_that_follows_redirects_is_refused_before_credentials_leave()
    {
        using var following = new HttpClientHandler { AllowAutoRedirect = true };
        using var client = new SpotClient(fixture.Options() with { Transport = following });
        Server.ApiFault = HostileFault.RedirectToOtherHost(302);

        var error = await Assert.ThrowsAsync<SpotApiException>(() => client.Regions.ListAsync());

        Assert.Contains("redirect", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Server.TrapHits);
    }

    private async Task<Exception> FailsAsync(
        string operation,
        HostileFault fault,
        TimeSpan? timeout = null,
        int attempts = 2,
        bool allowRawSuccess = false,
        Func<SpotClientOptions, SpotClientOptions>? options = null)
    {
        // A token fetched beforehand, so that a fault with a short timeout is judged on the API call alone.
        var built = fixture.Options(timeout, attempts) with { AccessToken = await fixture.TokenAsync() };
        using var client = new SpotClient(options is null ? built : options(built));
        Server.ApiFault = fault;
        Server.FaultScope = operation.StartsWith("organizations", StringComparison.Ordinal) ? HostileServer.Everything : HostileServer.ExceptOrganizations;
        try
        {
            await HostileOperations.All[operation](client).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (SpotException error)
        {
            Assert.True(Server.FaultHits > 0, $"{operation}: the fault was never hit ({error.Message})");
            return error;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{operation} under '{fault}' hung");
        }

        // raw hands back whatever JSON the server sent; any other operation must not take a wrong answer for success.
        Assert.True(allowRawSuccess && operation.StartsWith("raw", StringComparison.Ordinal), $"{operation} under '{fault}' succeeded");
        return null!;
    }
}
