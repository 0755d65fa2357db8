using System.Net;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Tests.Auth;

namespace Rsspot.Emulator.Tests.Hosting;

/// <summary>Every media type the published file lists for writes is accepted; bodies that cannot be read are 400s, never 500s.</summary>
public class ContentTypeTests
{
    private const string JsonPatch = "application/json-patch+json";
    private const string ApplyPatch = "application/apply-patch+yaml";

    [Fact]
    public async Task A_json_patch_is_applied_as_rfc_6902()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, patched) = await spot.SendTextAsync(HttpMethod.Patch, spot.Path("cloudspaces", "alpha"), """
            [{"op":"test","path":"/spec/cni","value":"calico"},
             {"op":"replace","path":"/spec/kubernetesVersion","value":"1.30.10"},
             {"op":"add","path":"/metadata/labels","value":{"team":"blue"}},
             {"op":"copy","from":"/spec/region","path":"/spec/note"},
             {"op":"move","from":"/spec/note","path":"/spec/copiedRegion"},
             {"op":"remove","path":"/spec/cni"}]
            """, JsonPatch);

        Assert.True(status == HttpStatusCode.OK, patched.ToJsonString());
        var (_, stored) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));
        Assert.Equal("1.30.10", stored["spec"]!["kubernetesVersion"]!.GetValue<string>());
        Assert.Equal("blue", stored["metadata"]!["labels"]!["team"]!.GetValue<string>());
        Assert.Equal(EmulatorSession.DfwRegion, stored["spec"]!["copiedRegion"]!.GetValue<string>());
        Assert.Null(stored["spec"]!["note"]);
        Assert.Null(stored["spec"]!["cni"]);
        Assert.Equal(2, stored["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_failed_json_patch_test_is_422_and_changes_nothing()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var created = await spot.CreateCloudspaceAsync("alpha");

        var (status, body) = await spot.SendTextAsync(HttpMethod.Patch, spot.Path("cloudspaces", "alpha"), """
            [{"op":"replace","path":"/spec/kubernetesVersion","value":"1.30.10"},{"op":"test","path":"/spec/cni","value":"cilium"}]
            """, JsonPatch);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        AuthTests.AssertStatus(body, 422, "Invalid");
        Assert.Contains(body["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "patch");
        var (_, stored) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));
        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), stored["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"op":"remove","path":"/spec/cni"}""")]
    [InlineData("""[{"op":"remove","path":"/spec/cni"}""")]
    [InlineData("""[42]""")]
    public async Task A_json_patch_that_is_not_an_array_of_operations_is_400(string patch)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, body) = await spot.SendTextAsync(HttpMethod.Patch, spot.Path("cloudspaces", "alpha"), patch, JsonPatch);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AuthTests.AssertStatus(body, 400, "BadRequest");
    }

    [Fact]
    public async Task An_apply_patch_in_yaml_is_merged_into_the_object()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, applied) = await spot.SendTextAsync(HttpMethod.Patch, spot.Path("cloudspaces", "alpha") + "?fieldManager=tests", """
            apiVersion: ngpc.rxt.io/v1
            kind: CloudSpace
            metadata:
              name: alpha
              labels:
                team: blue
            spec:
              HAControlPlane: true
              kubernetesVersion: "1.30.10"
            """, ApplyPatch);

        Assert.True(status == HttpStatusCode.OK, applied.ToJsonString());
        Assert.True(applied["spec"]!["HAControlPlane"]!.GetValue<bool>());
        Assert.Equal("1.30.10", applied["spec"]!["kubernetesVersion"]!.GetValue<string>());
        Assert.Equal("calico", applied["spec"]!["cni"]!.GetValue<string>());
        Assert.Equal("blue", applied["metadata"]!["labels"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_apply_patch_of_an_object_that_does_not_exist_creates_it()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, created) = await spot.SendTextAsync(HttpMethod.Patch, spot.Path("cloudspaces", "beta") + "?fieldManager=tests", """
            apiVersion: ngpc.rxt.io/v1
            kind: CloudSpace
            spec:
              region: us-central-dfw-1
              kubernetesVersion: "1.31.1"
            """, ApplyPatch);

        Assert.True(status == HttpStatusCode.Created, created.ToJsonString());
        Assert.Equal(["beta"], spot.Host.ListResourceNames("cloudspaces"));
    }

    [Theory]
    [InlineData("", "fieldManager")]
    [InlineData("?fieldManager=tests", "apiVersion")]
    public async Task An_apply_patch_without_field_manager_or_type_is_refused(string query, string named)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, body) = await spot.SendTextAsync(HttpMethod.Patch, spot.Path("cloudspaces", "alpha") + query, "spec:\n  HAControlPlane: true\n", ApplyPatch);

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, body.ToJsonString());
        Assert.Contains(named, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_create_is_read_as_the_json_would_be()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var pool = Objects.NewPoolName();

        var (status, created) = await spot.SendTextAsync(HttpMethod.Post, spot.Path("spotnodepools"), $"""
            apiVersion: ngpc.rxt.io/v1
            kind: SpotNodePool
            metadata:
              name: {pool}
            spec:
              cloudSpace: alpha
              serverClass: gp.vs1.medium-dfw
              bidPrice: "0.50"
              desired: 2
              autoscaling:
                enabled: false
            """, "application/yaml");

        Assert.True(status == HttpStatusCode.Created, created.ToJsonString());
        Assert.Equal("0.50", created["spec"]!["bidPrice"]!.GetValue<string>());
        Assert.Equal(2, created["spec"]!["desired"]!.GetValue<int>());
        Assert.False(created["spec"]!["autoscaling"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_yaml_bid_written_as_a_number_is_refused_like_the_json_number()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, body) = await spot.SendTextAsync(HttpMethod.Post, spot.Path("spotnodepools"), $"""
            metadata: {"{"}name: {Objects.NewPoolName()}{"}"}
            spec: {"{"}cloudSpace: alpha, serverClass: gp.vs1.medium-dfw, bidPrice: 0.50, desired: 2{"}"}
            """, "application/yaml");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(body["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "spec.bidPrice");
    }

    [Theory]
    [InlineData("POST", "application/json", """{"apiVersion":"ngpc.rxt.io/v1","kind":"CloudSpace","metadata":{"name":"alpha","name":"beta"},"spec":{"region":"us-central-dfw-1","kubernetesVersion":"1.31.1"}}""")]
    [InlineData("POST", "application/yaml", "metadata:\n  name: alpha\nmetadata:\n  name: beta\n")]
    [InlineData("PATCH", "application/merge-patch+json", """{"spec":{"cni":"calico","cni":"cilium"}}""")]
    [InlineData("PATCH", JsonPatch, """[{"op":"remove","op":"add","path":"/spec/x","value":1}]""")]
    [InlineData("PATCH", ApplyPatch, "apiVersion: ngpc.rxt.io/v1\nkind: CloudSpace\nkind: CloudSpace\n")]
    public async Task A_body_with_a_duplicate_key_is_400_bad_request(string method, string contentType, string body)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("existing");
        var path = method == "POST" ? spot.Path("cloudspaces") : spot.Path("cloudspaces", "existing") + "?fieldManager=tests";

        var (status, answer) = await spot.SendTextAsync(new HttpMethod(method), path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AuthTests.AssertStatus(answer, 400, "BadRequest");
        Assert.Contains("duplicate", answer["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["existing"], spot.Host.ListResourceNames("cloudspaces"));
    }

    [Fact]
    public async Task A_kubeconfig_request_with_a_duplicate_key_is_400_not_500()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, answer) = await spot.SendTextAsync(HttpMethod.Post, "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig",
            """{"organization_name":"a","organization_name":"b","cloudspace_name":"c","refresh_token":"d"}""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", answer["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST", "application/strategic-merge-patch+json")]
    [InlineData("POST", "text/plain")]
    [InlineData("PATCH", "application/json")]
    [InlineData("PATCH", "application/strategic-merge-patch+json")]
    public async Task Media_types_the_published_file_does_not_list_are_415(string method, string contentType)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var path = method == "POST" ? spot.Path("cloudspaces") : spot.Path("cloudspaces", "alpha");

        var (status, answer) = await spot.SendTextAsync(new HttpMethod(method), path, "{}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        AuthTests.AssertStatus(answer, 415, "UnsupportedMediaType");
    }

    [Fact]
    public async Task A_body_over_3_mib_is_413()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var body = Objects.CloudSpace("alpha");
        body["spec"]!["padding"] = new string('x', 3 * 1024 * 1024);

        var (status, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        AuthTests.AssertStatus(answer, 413, "RequestEntityTooLarge");
    }
}
