using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Infrastructure;

/// <summary>
/// The rsspot tool against a server that answers anything but the documented success: the documented exit code,
/// one clean line on stderr, nothing on stdout that looks like a result.
/// </summary>
public sealed class HostileServerTests(HostileCliFixture fixture) : IClassFixture<HostileCliFixture>, IDisposable
{
    private HostileServer Server => fixture.Server;

    public void Dispose() => Server.Reset();

    /// <summary>One command per group and method.</summary>
    public static TheoryData<string> Commands() =>
    [
        "organizations list",
        "regions list",
        "regions get us-central-dfw-1",
        "server-classes list",
        "pricing history gp.vs1.medium-dfw",
        "cloudspaces list",
        "cloudspaces get hostile",
        "cloudspaces create hostile --region us-central-dfw-1",
        "cloudspaces delete hostile --yes",
        "cloudspaces get-config hostile",
        "nodepools spot list",
        "nodepools spot delete 3f1c2a9e-0b7d-4c55-9a51-6f1a2b3c4d5e --yes",
        "nodepools ondemand list",
        "inventory events",
        "raw --path /apis/ngpc.rxt.io/v1/regions",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_redirect_exits_5_naming_the_status_and_the_host_and_is_not_followed(string command)
    {
        var result = await RunAsync(command, HostileFault.RedirectToOtherHost(301));

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("HTTP 301", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("localhost", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout.Trim());
        Assert.Equal(0, Server.TrapHits);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Delete_under_every_redirect_status_is_never_reported_as_deleted(int status)
    {
        foreach (var fault in new[] { HostileFault.RedirectToOtherHost(status), HostileFault.RedirectRelative(status), HostileFault.RedirectLoop(status) })
        {
            var result = await RunAsync("cloudspaces delete hostile --yes", fault);

            Assert.True(result.ExitCode == 5, $"{fault}: {result}");
            Assert.Contains($"HTTP {status}", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("deleted", result.Stdout, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, Server.TrapHits);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Html_with_200_exits_5_naming_the_content_type(string command)
    {
        var result = await RunAsync(command, HostileFault.Html);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("text/html", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regions list")]
    [InlineData("cloudspaces list")]
    [InlineData("nodepools spot list")]
    public async Task Invalid_json_and_wrong_shapes_exit_5_never_an_empty_table(string command)
    {
        foreach (var fault in new[] { HostileFault.InvalidJson, HostileFault.ItemsNotAList, HostileFault.StringForObject })
        {
            var result = await RunAsync(command, fault);

            Assert.True(result.ExitCode == 5, $"{fault}: {result}");
            Assert.Contains("JSON", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Stdout.Trim());
        }
    }

    [Theory]
    [InlineData("regions list")]
    [InlineData("cloudspaces delete hostile --yes")]
    [InlineData("raw --path /apis/ngpc.rxt.io/v1/regions")]
    public async Task Terminal_escapes_in_a_server_message_never_reach_stderr(string command)
    {
        var result = await RunAsync(command, HostileFault.ControlCharacters);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.DoesNotContain(result.Stderr.TrimEnd('\n'), c => char.IsControl(c));
        Assert.Contains("bad value here", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regions list")]
    [InlineData("cloudspaces create hostile --region us-central-dfw-1")]
    public async Task An_error_echoing_the_refresh_token_is_printed_redacted(string command)
    {
        var result = await RunAsync(command, HostileFault.EchoingSecrets(Server.Emulator.RefreshToken), "--verbose");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.DoesNotContain(Server.Emulator.RefreshToken, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileFault.EchoedPassword, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_body_exits_6_within_the_request_timeout()
    {
        var result = await RunAsync("regions list", HostileFault.StalledBody, env: new() { ["RSSPOT_REQUEST_TIMEOUT_SECONDS"] = "1" });

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Contains("timed out", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_token_endpoint_5xx_exits_6_naming_the_token_refresh(int status)
    {
        Server.OAuthFault = HostileFault.Status(status);

        var result = await fixture.RunAsync("regions", "list");

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Contains("token refresh", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("oauth_url", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Server.ApiRequests);
    }

    [Fact]
    public async Task A_refused_refresh_token_exits_4()
    {
        Server.OAuthFault = HostileFault.InvalidGrant;

        var result = await fixture.RunAsync("regions", "list");

        Assert.True(result.ExitCode == 4, result.ToString());
    }

    [Fact]
    public async Task An_API_401_even_after_a_fresh_token_exits_4()
    {
        var result = await RunAsync("regions list", HostileFault.Status(401, body: """{"kind":"Status","status":"Failure","reason":"Unauthorized","code":401}"""));

        Assert.True(result.ExitCode == 4, result.ToString());
    }

    [Theory]
    [InlineData("RSSPOT_BASE_URL")]
    [InlineData("RSSPOT_OAUTH_URL")]
    public async Task A_non_http_url_exits_3_before_any_request(string variable)
    {
        var result = await fixture.RunWithAsync(new() { [variable] = "ftp://spot.example.com" }, "regions", "list");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(variable, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Server.TokenRequests);
        Assert.Equal(0, Server.ApiRequests);
    }

    [Fact]
    public async Task Configure_refuses_a_non_http_url()
    {
        var result = await fixture.RunAsync("configure", "--profile", "ftp", "--base-url", "ftp://spot.example.com");

        Assert.True(result.ExitCode is 2 or 3, result.ToString());
        Assert.Contains("http or https", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("profiles:\n  ftp", File.ReadAllText(fixture.ConfigPath).Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(string command, HostileFault fault, string? extra = null, Dictionary<string, string>? env = null)
    {
        Server.ApiFault = fault;
        Server.FaultScope = command.StartsWith("organizations", StringComparison.Ordinal) ? HostileServer.Everything : HostileServer.ExceptOrganizations;
        var args = command.Split(' ');
        return fixture.RunWithAsync(env ?? [], extra is null ? args : [.. args, extra]);
    }
}
