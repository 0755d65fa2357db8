using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.Conformance;

/// <summary>
/// Every request the spec's request schemas refuse (a required property left out, a wrong type, a value outside an
/// enum) is refused by the emulator with a 422 Status whose causes name the field, on create and on both patch types.
/// </summary>
public sealed class RequestSchemaConformanceTests(RequestSchemaConformanceTests.Fixture fixture) : IClassFixture<RequestSchemaConformanceTests.Fixture>
{
    private static readonly Dictionary<string, string> Plurals = new(StringComparer.Ordinal)
    {
        ["CloudSpace"] = "cloudspaces",
        ["SpotNodePool"] = "spotnodepools",
        ["OnDemandNodePool"] = "ondemandnodepools",
        ["VmSshKey"] = "vmsshkeys",
        ["VmCloudSpace"] = "vmcloudspaces",
        ["VmPool"] = "vmpools",
    };

    public static TheoryData<string> Cases => RequestCases.Ids();

    [Fact]
    public void Every_required_property_of_the_request_schemas_is_in_a_base_body()
    {
        Assert.True(RequestCases.Uncovered.Count == 0, "add these to a base body in RequestCases: " + string.Join(", ", RequestCases.Uncovered));
        Assert.True(RequestCases.Cases.Count > 100, $"only {RequestCases.Cases.Count} cases were generated");
    }

    [Fact]
    public void The_published_examples_of_the_issue_are_among_the_cases()
    {
        Assert.Contains("create: CloudSpace spec.kubernetesVersion missing", RequestCases.Cases.Keys);
        Assert.Contains("create: SpotNodePool spec.customTaints[0].effect missing", RequestCases.Cases.Keys);
        Assert.Contains("create: SpotNodePool spec.customTaints as object instead of array", RequestCases.Cases.Keys);
        Assert.Contains("create: SpotNodePool spec.autoscaling.enabled missing", RequestCases.Cases.Keys);
        Assert.Contains("create: SpotNodePool spec.autoscaling.enabled as string instead of boolean", RequestCases.Cases.Keys);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_emulator_refuses_the_body_and_names_the_field(string id)
    {
        var requestCase = RequestCases.Cases[id];
        var plural = Plurals[requestCase.Kind];
        var name = RequestCases.Bases[requestCase.Kind]["metadata"]!["name"]!.GetValue<string>();
        var path = fixture.Spot.Path(plural, requestCase.Operation == "create" ? null : name);
        using var request = new HttpRequestMessage(requestCase.Operation == "create" ? HttpMethod.Post : HttpMethod.Patch, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(requestCase.Body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(requestCase.ContentType);

        using var response = await fixture.Spot.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{id}: {(int)response.StatusCode} {text}");
        var status = JsonNode.Parse(text)!;
        Assert.Equal("Invalid", status["reason"]?.GetValue<string>());
        var fields = status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.True(fields.Contains(requestCase.Field), $"{id}: expected a cause for {requestCase.Field}, got {string.Join(", ", fields)}");
    }

    [Fact]
    public async Task The_base_bodies_are_unchanged_after_every_case()
    {
        foreach (var (kind, body) in RequestCases.Bases)
        {
            var (status, stored) = await fixture.Spot.GetAsync(fixture.Spot.Path(Plurals[kind], body["metadata"]!["name"]!.GetValue<string>()));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(JsonNode.DeepEquals(body["spec"], stored["spec"]), $"{kind}: {stored["spec"]!.ToJsonString()}");
        }
    }

    /// <summary>One emulator holding a valid object of each kind, created from the base bodies.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public EmulatorSession Spot { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Spot = await EmulatorSession.StartAsync();
            foreach (var (kind, body) in RequestCases.Bases)
            {
                var (status, answer) = await Spot.SendAsync(HttpMethod.Post, Spot.Path(Plurals[kind]), body.DeepClone());
                Assert.True(status == HttpStatusCode.Created, $"{kind}: {answer.ToJsonString()}");
            }
        }

        public async Task DisposeAsync() => await Spot.DisposeAsync();
    }
}
