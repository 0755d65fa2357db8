using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Rsspot.Configuration;
using Rsspot.Generated.Api;
using Rsspot.Generated.Api.Models;
using Rsspot.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Serialization;

/// <summary>
/// Answers the emulator never gives (unknown fields of every JSON kind, odd values, errors), served over real HTTP
/// by a loopback server: the SDK's request adapter and parse node against Kiota's default adapter and parse node.
/// </summary>
public sealed class SdkJsonParseEdgeCaseTests
{
    private const string CloudSpaceWithUnknownFields = """
        {
          "apiVersion": "ngpc.rxt.io/v1",
          "kind": "CloudSpace",
          "metadata": {
            "name": "prod-a", "namespace": "org-abc", "labels": { "team": "blue", "esc\"aped": "x\u00e9" },
            "creationTimestamp": "2024-02-29T23:59:59.1234567+05:30", "deletionTimestamp": "29 Feb 2024 10:00:00",
            "generation": 9007199254740993, "finalizers": ["a", null, "c"], "uid": null
          },
          "spec": {
            "region": "us-central-dfw-1", "HAControlPlane": true, "cni": "calico", "deploymentType": "gen2",
            "futureSetting": { "nested": [1, 2.5, -3e2, 79228162514264337593543950336, "s", true, null, { "deep": [] }], "flag": false }
          },
          "status": { "phase": "Ready", "APIServerEndpoint": "https://10.0.0.1:6443", "bids": {} },
          "aDate": "2024-01-02T03:04:05Z", "aDateWithOffset": "2024-01-02T03:04:05+01:00", "aGuid": "0f8fad5b-d9cb-469f-a165-70867728950e",
          "aString": "plain", "anInt": 42, "aShort": -7, "aDecimal": 0.1, "aBigNumber": 1.7976931348623157E+308,
          "aTrue": true, "aFalse": false, "aNull": null, "anArray": [1, "two", [3]], "anObject": { "k": { "v": 1 } },
          "esc\u0061ped\"name": 1, "somethingNew": "kept", "somethingNew": "second"
        }
        """;

    [Fact]
    public async Task Unknown_fields_and_odd_values_reach_the_models_exactly_as_with_Kiota()
    {
        var (sdk, kiota) = await GetBothAsync(CloudSpaceWithUnknownFields);

        Assert.Equal(KiotaJson.Write(kiota), KiotaJson.Write(sdk));
        Assert.Equal(KiotaJson.AdditionalDataTypes(kiota), KiotaJson.AdditionalDataTypes(sdk));
        Assert.Equal(KiotaJson.AdditionalDataTypes(kiota.Spec!), KiotaJson.AdditionalDataTypes(sdk.Spec!));
        Assert.Equal(KiotaJson.AdditionalDataTypes(kiota.Metadata!.Labels!), KiotaJson.AdditionalDataTypes(sdk.Metadata!.Labels!));
        Assert.Equal("kept", sdk.AdditionalData["somethingNew"]);
    }

    [Fact]
    public async Task Untyped_values_stay_readable_after_the_call_returns()
    {
        // Kiota's untyped arrays read the JSON lazily: the SDK must not give that memory back to its pool.
        var (sdk, _) = await GetBothAsync(CloudSpaceWithUnknownFields);
        for (var i = 0; i < 20; i++)
        {
            await GetBothAsync("""{"metadata":{"name":"other"},"anArray":["overwrite","the","pool"]}""");
        }

        var array = Assert.IsType<UntypedArray>(sdk.AdditionalData["anArray"]);
        var values = array.GetValue().ToList();
        Assert.Equal(1, Assert.IsType<UntypedInteger>(values[0]).GetValue());
        Assert.Equal("two", Assert.IsType<UntypedString>(values[1]).GetValue());
        Assert.Equal(3, Assert.IsType<UntypedInteger>(Assert.Single(Assert.IsType<UntypedArray>(values[2]).GetValue())).GetValue());
    }

    [Theory]
    [InlineData("""{"metadata":{"generation":1.5}}""")]
    [InlineData("""{"metadata":{"generation":"7"}}""")]
    [InlineData("""{"metadata":{"generation":99999999999999999999999}}""")]
    [InlineData("""{"spec":{"cni":"unknown-cni"}}""")]
    [InlineData("""{"spec":{"cni":7}}""")]
    [InlineData("""{"metadata":{"creationTimestamp":"not a date"}}""")]
    [InlineData("""{"metadata":{"creationTimestamp":12}}""")]
    [InlineData("""{"metadata":{"finalizers":"not-an-array"}}""")]
    [InlineData("""null""")]
    [InlineData("\uFEFF{\"kind\":\"CloudSpace\"}")]
    [InlineData("""{"kind":"CloudSpace"} {"kind":"Second"}""")]
    [InlineData("""{"kind":"CloudSpace",}""")]
    [InlineData("""{"kind":"CloudSpace" """)]
    [InlineData(" ")]
    public async Task Odd_bodies_give_the_same_model_or_the_same_kind_of_failure_as_Kiota(string body)
    {
        var sdk = await Outcome(() => KiotaJson.ParseWithSdkAsync(Encoding.UTF8.GetBytes(body), CloudSpace.CreateFromDiscriminatorValue));
        var kiota = await Outcome(() => KiotaJson.ParseWithKiotaAsync(Encoding.UTF8.GetBytes(body), CloudSpace.CreateFromDiscriminatorValue));

        Assert.Equal(kiota, sdk);
    }

    /// <summary>Kiota reads these as empty objects; the SDK refuses them, so a wrong answer is never an empty result.</summary>
    [Theory]
    [InlineData("""{"metadata":{"labels":[1,2]}}""")]
    [InlineData("""{"metadata":[],"spec":"x","status":null}""")]
    [InlineData("""{"metadata":"a string"}""")]
    [InlineData("""[]""")]
    [InlineData("\"just a string\"")]
    public async Task A_list_or_string_where_an_object_goes_is_refused(string body)
    {
        var sdk = await Outcome(() => KiotaJson.ParseWithSdkAsync(Encoding.UTF8.GetBytes(body), CloudSpace.CreateFromDiscriminatorValue));

        Assert.Equal("JsonException", sdk);
    }

    [Fact]
    public async Task An_error_answer_becomes_the_same_typed_exception_as_with_Kiota()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-Request-Id"] = "r-1";
            await context.Response.WriteAsync("""
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"AlreadyExists","code":409,
                 "message":"cloudspaces.ngpc.rxt.io \"prod-a\" already exists","details":{"name":"prod-a","causes":[{"field":"metadata.name"}]},"extra":1}
                """);
        });

        var (sdkClient, kiotaClient, dispose) = Clients(server.BaseUrl);
        using (dispose)
        {
            var sdk = await Assert.ThrowsAsync<Status>(() => sdkClient.Apis.NgpcRxtIo.V1.Namespaces["org-abc"].Cloudspaces["prod-a"].GetAsync());
            var kiota = await Assert.ThrowsAsync<Status>(() => kiotaClient.Apis.NgpcRxtIo.V1.Namespaces["org-abc"].Cloudspaces["prod-a"].GetAsync());

            Assert.Equal(KiotaJson.Write(kiota), KiotaJson.Write(sdk));
            Assert.Equal(kiota.ResponseStatusCode, sdk.ResponseStatusCode);
            Assert.Equal(kiota.Message, sdk.Message);
            Assert.Equal(["r-1"], sdk.ResponseHeaders["X-Request-Id"]);
            Assert.Equal(kiota.ResponseHeaders.Keys.Order(), sdk.ResponseHeaders.Keys.Order());
        }
    }

    [Fact]
    public async Task An_answer_without_a_body_to_a_read_is_refused_where_Kiota_gives_no_model()
    {
        // Per pair of requests (SDK, then Kiota): 204; 200 without a content type; empty JSON with a length; empty chunked JSON.
        await using var server = await LoopbackServer.StartAsync(async (context, count) =>
        {
            switch ((count - 1) / 2)
            {
                case 0:
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    break;
                case 1:
                    break;
                case 2:
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength = 0;
                    break;
                default:
                    context.Response.ContentType = "application/json";
                    await context.Response.StartAsync();
                    await context.Response.Body.FlushAsync();
                    break;
            }
        });

        var (sdkClient, kiotaClient, dispose) = Clients(server.BaseUrl);
        using (dispose)
        {
            for (var i = 0; i < 4; i++)
            {
                // A read that answers nothing is not an empty result: the SDK refuses it (exit 5 in the CLI).
                var refused = await Assert.ThrowsAsync<UnexpectedResponseException>(() => sdkClient.Apis.NgpcRxtIo.V1.Regions.GetAsync());
                Assert.Contains("without a body to a read", refused.Message, StringComparison.Ordinal);
                Assert.Null(await kiotaClient.Apis.NgpcRxtIo.V1.Regions.GetAsync());
            }
        }
    }

    [Fact]
    public async Task A_body_cut_off_midway_fails_as_a_transport_error_as_with_Kiota()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("""{"items":[""");
            await context.Response.Body.FlushAsync();
            context.Abort();
        });

        var (sdkClient, kiotaClient, dispose) = Clients(server.BaseUrl);
        using (dispose)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => kiotaClient.Apis.NgpcRxtIo.V1.Regions.GetAsync());
            await Assert.ThrowsAsync<HttpRequestException>(() => sdkClient.Apis.NgpcRxtIo.V1.Regions.GetAsync());
        }
    }

    [Fact]
    public async Task A_call_with_its_own_response_handler_gets_the_raw_response_as_with_Kiota()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"agent\":\"{context.Request.Headers.UserAgent}\"}}");
        });

        var (sdkClient, _, dispose) = Clients(server.BaseUrl);
        using (dispose)
        {
            var handler = new RawBodyHandler();
            var result = await sdkClient.Apis.NgpcRxtIo.V1.Regions.GetAsync(c => c.Options.Add(new ResponseHandlerOption { ResponseHandler = handler }));

            Assert.Null(result);
            Assert.StartsWith("""{"agent":"rsspot-dotnet/""", handler.Body, StringComparison.Ordinal);
        }
    }

    private sealed class RawBodyHandler : IResponseHandler
    {
        public string? Body { get; private set; }

        public async Task<ModelType?> HandleResponseAsync<NativeResponseType, ModelType>(NativeResponseType response, Dictionary<string, ParsableFactory<IParsable>>? errorMappings)
        {
            Body = await ((HttpResponseMessage)(object)response!).Content.ReadAsStringAsync();
            return default;
        }
    }

    private static async Task<(CloudSpace Sdk, CloudSpace Kiota)> GetBothAsync(string json)
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json);
        });

        var (sdkClient, kiotaClient, dispose) = Clients(server.BaseUrl);
        using (dispose)
        {
            var sdk = await sdkClient.Apis.NgpcRxtIo.V1.Namespaces["org-abc"].Cloudspaces["prod-a"].GetAsync();
            var kiota = await kiotaClient.Apis.NgpcRxtIo.V1.Namespaces["org-abc"].Cloudspaces["prod-a"].GetAsync();
            return (sdk!, kiota!);
        }
    }

    /// <summary>The SpotClient's generated client (the SDK adapter) and one over Kiota's default adapter and parse nodes.</summary>
    private static (SpotApiClient Sdk, SpotApiClient Kiota, IDisposable Dispose) Clients(string baseUrl)
    {
        var home = new TempDirectory();
        var spot = new SpotClient(new SpotClientOptions
        {
            Config = new RsspotConfig(),
            Environment = new Dictionary<string, string>(),
            HomeDirectory = home.Path,
            BaseUrl = baseUrl,
            AccessToken = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)),
            NoCache = true,
            Retry = new RetrySettings(1, TimeSpan.Zero, TimeSpan.Zero, 0, []),
        });
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), new ParseNodeFactoryRegistry
        {
            ContentTypeAssociatedFactories = { ["application/json"] = new Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory() },
        }) { BaseUrl = baseUrl };
        return (spot.Api, new SpotApiClient(adapter), new CompositeDisposable(spot, adapter, home));
    }

    /// <summary>The model as JSON, or the exception type when parsing fails.</summary>
    private static async Task<string> Outcome(Func<Task<CloudSpace>> parse)
    {
        try
        {
            return KiotaJson.Write(await parse());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return e is JsonException ? nameof(JsonException) : e.GetType().Name;
        }
    }

    private sealed class CompositeDisposable(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
