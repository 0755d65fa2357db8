using System.Net;
using Rsspot.Emulator;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

/// <summary>
/// Every error body shape the Spot API uses reaches <see cref="SpotApiException"/> (reason, words, fields) and its
/// message, on every operation group, the generated ones and <c>Raw.SendAsync</c> alike.
/// </summary>
public sealed class ErrorBodyTests(HostileServerFixture fixture) : IClassFixture<HostileServerFixture>, IDisposable
{
    public void Dispose() => fixture.Server.Reset();

    public static TheoryData<string> Operations() => HostileOperations.Names();

    private const string StatusBody =
        """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","message":"spec.region: Unsupported value \"mars\"","code":422,"details":{"causes":[{"field":"spec.region","message":"Unsupported value"}]}}""";

    private const string OAuthBody = """{"error":"invalid_request","error_description":"Cloudspace 'kc-demo' is not ready yet."}""";

    private const string BareErrorBody = """{"error":"unknown server class","server_class":"nosuch-class"}""";

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_Kubernetes_Status_gives_reason_message_and_fields(string operation)
    {
        var api = await FailsAsync(operation, 422, StatusBody);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Equal("Invalid", api.Reason);
        Assert.Equal("spec.region: Unsupported value \"mars\"", api.ApiMessage);
        Assert.Equal(["spec.region"], api.Fields);
        Assert.Contains("Unsupported value", api.Message, StringComparison.Ordinal);
        Assert.Contains("Fix the named field", api.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_OAuth_style_body_gives_the_error_code_and_description(string operation)
    {
        var api = await FailsAsync(operation, 400, OAuthBody);

        Assert.Equal("invalid_request", api.Reason);
        Assert.Equal("Cloudspace 'kc-demo' is not ready yet.", api.ApiMessage);
        Assert.Contains("Cloudspace 'kc-demo' is not ready yet (HTTP 400 invalid_request)", api.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Fix the named field", api.Message, StringComparison.Ordinal);
        Assert.False(api.IsNotFound);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_bare_error_text_is_the_message(string operation)
    {
        var api = await FailsAsync(operation, 400, BareErrorBody);

        Assert.Null(api.Reason);
        Assert.Equal("unknown server class", api.ApiMessage);
        Assert.Contains("failed: unknown server class (HTTP 400)", api.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"error":"invalid_request","error_description":"Cloudspace 'x' not found in organization 'acme'."}""")]
    [InlineData("""{"kind":"Status","reason":"NotFound","message":"cloudspaces \"x\" not found","code":404}""")]
    public async Task Not_found_in_words_or_reason_is_IsNotFound(string body)
    {
        var api = await FailsAsync("cloudspaces get", body.Contains("404", StringComparison.Ordinal) ? 404 : 400, body);

        Assert.True(api.IsNotFound);
        Assert.Contains("Check the name and the organization", api.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_names_nothing_keeps_the_status_and_a_next_step()
    {
        var api = await FailsAsync("cloudspaces get", 400, """{"unrelated":true}""");

        Assert.Null(api.Reason);
        Assert.Null(api.ApiMessage);
        Assert.Contains("failed: BadRequest (HTTP 400)", api.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conflict_that_is_not_AlreadyExists_is_not_called_one()
    {
        var api = await FailsAsync("cloudspaces update", 409, """{"kind":"Status","reason":"Conflict","message":"the object has been modified","code":409}""");

        Assert.False(api.IsAlreadyExists);
        Assert.Equal("Conflict", api.Reason);
    }

    [Fact]
    public async Task Server_text_in_an_error_body_is_cleaned_and_secrets_masked()
    {
        var body = $$"""{"error":"invalid_request","error_description":"bad token {{fixture.Server.Emulator.RefreshToken}} \u001b[31mred"}""";
        var api = await FailsAsync("cloudspaces list", 400, body);

        Assert.DoesNotContain(fixture.Server.Emulator.RefreshToken, api.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Emulator.RefreshToken, api.ApiMessage!, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", api.Message, StringComparison.Ordinal);
    }

    private async Task<SpotApiException> FailsAsync(string operation, int status, string body)
    {
        var options = fixture.Options(attempts: 1) with { AccessToken = await fixture.TokenAsync() };
        using var client = new SpotClient(options);
        fixture.Server.ApiFault = HostileFault.Status(status, "application/json", body);
        fixture.Server.FaultScope = operation.StartsWith("organizations", StringComparison.Ordinal) ? HostileServer.Everything : HostileServer.ExceptOrganizations;
        var error = await Assert.ThrowsAnyAsync<SpotException>(() => HostileOperations.All[operation](client).WaitAsync(TimeSpan.FromSeconds(30)));
        return Assert.IsType<SpotApiException>(error);
    }
}

/// <summary>The emulator's own error answers, as the issue met them: kubeconfigs not ready or not found, unknown price classes.</summary>
public sealed class EmulatorErrorBodyTests
{
    [Fact]
    public async Task A_kubeconfig_not_ready_yet_carries_the_servers_words()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.FromHours(1) });
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(emulator, state.Path);
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("kc-demo", "us-central-dfw-1"));

        var error = await Assert.ThrowsAsync<SpotApiException>(() => client.Cloudspaces.GetKubeconfigAsync("kc-demo"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid_request", error.Reason);
        Assert.Equal("Cloudspace 'kc-demo' is not ready yet.", error.ApiMessage);
        Assert.False(error.IsNotFound);
        Assert.Contains("Cloudspace 'kc-demo' is not ready yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubeconfig_of_a_missing_cloudspace_is_not_found()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(emulator, state.Path);

        var error = await Assert.ThrowsAsync<SpotApiException>(() => client.Cloudspaces.GetKubeconfigAsync("nosuch"));

        Assert.True(error.IsNotFound);
        Assert.Contains("Cloudspace 'nosuch' not found in organization", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Price_history_of_an_unknown_class_says_so()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var state = new TempDirectory();
        using var client = EmulatorClients.Create(emulator, state.Path);

        var error = await Assert.ThrowsAsync<SpotApiException>(() => client.Pricing.GetHistoryAsync("nosuch-class"));

        Assert.Equal("unknown server class", error.ApiMessage);
        Assert.Contains("unknown server class", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Fix the named field", error.Message, StringComparison.Ordinal);
    }
}
