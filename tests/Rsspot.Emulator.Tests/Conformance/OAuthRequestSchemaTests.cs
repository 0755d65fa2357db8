using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;

namespace Rsspot.Emulator.Tests.Conformance;

/// <summary>
/// The two request schemas answered in OAuth style (<c>TokenRequest</c>, form-encoded, and <c>KubeconfigRequest</c>,
/// JSON): for each required property of the spec, a body without it (and, for JSON, one with a number in its place) is
/// 400 <c>invalid_request</c> whose description names the property, as the published file documents for these two.
/// </summary>
public sealed class OAuthRequestSchemaTests
{
    private const string Kubeconfig = "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig";

    public static TheoryData<string, string> Required() => RequiredIn(["TokenRequest", "KubeconfigRequest"]);

    public static TheoryData<string, string> RequiredOf(string schema) => RequiredIn([schema]);

    private static TheoryData<string, string> RequiredIn(string[] names)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "spec", "spot-api.yaml");
        var openApi = new OpenApiStreamReader().Read(File.OpenRead(path), out _);
        var schemas = JsonNode.Parse(openApi.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0))!["components"]!["schemas"]!;
        var data = new TheoryData<string, string>();
        foreach (var schema in names)
        {
            foreach (var property in schemas[schema]!["required"]!.AsArray())
            {
                data.Add(schema, property!.GetValue<string>());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Required))]
    public async Task A_body_without_a_required_property_is_400_naming_it(string schema, string property)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var valid = Valid(spot, schema);
        valid.Remove(property);

        var (status, body) = await Send(spot, schema, valid);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Contains(property, body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // A form has no types (every value is a string), so only the JSON request has wrong-type cases.
    [Theory]
    [MemberData(nameof(RequiredOf), "KubeconfigRequest")]
    public async Task A_number_where_a_kubeconfig_request_wants_a_string_is_400_naming_it(string schema, string property)
    {
        await using var spot = await EmulatorSession.StartAsync();
        var body = Valid(spot, schema);
        body[property] = 42;

        var (status, answer) = await Send(spot, schema, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(property, answer["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_valid_bodies_the_cases_start_from_succeed()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        foreach (var schema in new[] { "TokenRequest", "KubeconfigRequest" })
        {
            var (status, body) = await Send(spot, schema, Valid(spot, schema));
            Assert.True(status == HttpStatusCode.OK, $"{schema}: {body.ToJsonString()}");
        }
    }

    private static JsonObject Valid(EmulatorSession spot, string schema) => schema == "TokenRequest"
        ? new JsonObject { ["grant_type"] = "refresh_token", ["client_id"] = EmulatorOptions.PublicClientId, ["refresh_token"] = spot.Host.RefreshToken }
        : new JsonObject { ["organization_name"] = spot.Host.OrganizationName, ["cloudspace_name"] = "alpha", ["refresh_token"] = spot.Host.RefreshToken };

    private static async Task<(HttpStatusCode Status, JsonObject Body)> Send(EmulatorSession spot, string schema, JsonObject body)
    {
        if (schema == "TokenRequest")
        {
            return await spot.PostFormAsync("/oauth/token", body.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>()));
        }

        return await spot.SendTextAsync(HttpMethod.Post, Kubeconfig, body.ToJsonString(), "application/json");
    }
}
