using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using Rsspot.Generated.Api;
using Rsspot.Generated.Api.Models;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Generated;

public sealed class GeneratedClientTests
{
    private const string CloudSpaceWithUnknownFields = """
        {
          "apiVersion": "ngpc.rxt.io/v1",
          "kind": "CloudSpace",
          "metadata": { "name": "prod-a", "namespace": "org-abc", "labels": { "team": "blue" } },
          "spec": {
            "region": "us-central-dfw-1",
            "HAControlPlane": true,
            "futureSetting": { "nested": [1, 2, 3], "flag": false }
          },
          "status": { "phase": "Ready", "APIServerEndpoint": "https://10.0.0.1:6443" },
          "somethingNew": "kept"
        }
        """;

    [Fact]
    public async Task CloudSpace_with_unknown_fields_round_trips_with_them_kept()
    {
        var cloudSpace = await ParseAsync(CloudSpaceWithUnknownFields);

        Assert.Equal("prod-a", cloudSpace.Metadata?.Name);
        Assert.Equal("us-central-dfw-1", cloudSpace.Spec?.Region);
        Assert.True(cloudSpace.Spec?.HAControlPlane);
        Assert.Equal("https://10.0.0.1:6443", cloudSpace.Status?.APIServerEndpoint);
        Assert.Contains("somethingNew", cloudSpace.AdditionalData.Keys);

        var written = JsonNode.Parse(Serialize(cloudSpace));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(CloudSpaceWithUnknownFields), written),
            $"round trip changed the document: {written}");
    }

    [Fact]
    public async Task Status_error_body_becomes_a_typed_exception_with_code_reason_and_message()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,
                 "message":"cloudspaces.ngpc.rxt.io \"missing\" not found","details":{"name":"missing","kind":"cloudspaces"}}
                """);
        });
        using var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = server.BaseUrl };
        var client = new SpotApiClient(adapter);

        var error = await Assert.ThrowsAsync<Status>(() =>
            client.Apis.NgpcRxtIo.V1.Namespaces["org-abc"].Cloudspaces["missing"].GetAsync());

        Assert.Equal(404, error.Code);
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("NotFound", error.Reason);
        Assert.Equal("Failure", error.StatusProp);
        Assert.Equal("cloudspaces.ngpc.rxt.io \"missing\" not found", error.Message);
        Assert.Equal("missing", error.Details?.Name);
    }

    [Fact]
    public async Task Merge_patch_is_sent_with_its_content_type_and_only_the_set_fields()
    {
        string? contentType = null;
        string? body = null;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            contentType = context.Request.ContentType;
            body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"metadata":{"name":"pool"},"spec":{"desired":5}}""");
        });
        using var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = server.BaseUrl };
        var client = new SpotApiClient(adapter);

        var patched = await client.Apis.NgpcRxtIo.V1.Namespaces["org-abc"].Spotnodepools["pool"]
            .PatchAsync(new SpotNodePool { Spec = new SpotNodePoolSpec { Desired = 5 } });

        Assert.Equal("application/merge-patch+json", contentType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"spec":{"desired":5}}"""), JsonNode.Parse(body!)), body);
        Assert.Equal(5, patched?.Spec?.Desired);
    }

    private static async Task<CloudSpace> ParseAsync(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(CloudSpace.CreateFromDiscriminatorValue)!;
    }

    private static string Serialize(CloudSpace value)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }
}
