using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Rsspot.Emulator.Tests.Auth;

namespace Rsspot.Emulator.Tests.Controllers;

public class CloudspaceTests
{
    [Fact]
    public async Task Create_answers_201_with_server_fields_and_keeps_unknown_fields()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var body = Objects.CloudSpace("alpha");
        body["spec"]!["futureField"] = new JsonObject { ["nested"] = true };
        body["extraTopLevel"] = "kept";

        var (status, created) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);
        var (_, fetched) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));

        Assert.Equal(HttpStatusCode.Created, status);
        var metadata = created["metadata"]!;
        Assert.True(Guid.TryParse(metadata["uid"]!.GetValue<string>(), out _));
        Assert.False(string.IsNullOrEmpty(metadata["creationTimestamp"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(metadata["resourceVersion"]!.GetValue<string>()));
        Assert.Equal(spot.Namespace, metadata["namespace"]!.GetValue<string>());
        Assert.True(fetched["spec"]!["futureField"]!["nested"]!.GetValue<bool>());
        Assert.Equal("kept", fetched["extraTopLevel"]!.GetValue<string>());
        Assert.Equal("CloudSpace", fetched["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_duplicate_name_is_409_already_exists()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, body) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), Objects.CloudSpace("alpha"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        AuthTests.AssertStatus(body, 409, "AlreadyExists");
        Assert.Equal("alpha", body["details"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Bad_Name", null, "metadata.name")]
    [InlineData("alpha", "", "spec.region")]
    [InlineData("alpha", "mars-central-1", "spec.region")]
    [InlineData("", "us-central-dfw-1", "metadata.name")]
    public async Task Invalid_fields_are_422_invalid_naming_the_field(string name, string? region, string field)
    {
        await using var spot = await EmulatorSession.StartAsync();
        var body = Objects.CloudSpace(name, region ?? "us-central-dfw-1");

        var (status, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        AuthTests.AssertStatus(answer, 422, "Invalid");
        Assert.Contains(answer["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == field);
        Assert.Empty(spot.Host.ListResourceNames("cloudspaces"));
    }

    [Fact]
    public async Task A_missing_spec_and_an_unsupported_cni_are_named()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var noSpec = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "alpha" } };
        var badCni = Objects.CloudSpace("beta");
        badCni["spec"]!["cni"] = "flannel";

        var (_, first) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), noSpec);
        var (_, second) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), badCni);

        Assert.Equal("spec", first["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("spec.cni", second["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_of_a_missing_cloudspace_is_404_not_found()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, body) = await spot.GetAsync(spot.Path("cloudspaces", "ghost"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        AuthTests.AssertStatus(body, 404, "NotFound");
    }

    [Fact]
    public async Task Create_with_a_wrong_content_type_or_broken_json_is_refused()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (wrongType, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), Objects.CloudSpace("a"), "text/plain");
        using var broken = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await spot.Http.PostAsync(new Uri(spot.Path("cloudspaces"), UriKind.Relative), broken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Merge_patch_adds_replaces_and_deletes_with_null_and_bumps_the_resource_version()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var created = await spot.CreateCloudspaceAsync("alpha");
        await spot.PatchAsync(spot.Path("cloudspaces", "alpha"), JsonNode.Parse("""{"metadata":{"labels":{"team":"a","tier":"x"}}}""")!);

        var (status, patched) = await spot.PatchAsync(
            spot.Path("cloudspaces", "alpha"),
            JsonNode.Parse("""{"metadata":{"labels":{"tier":null,"env":"dev"}},"spec":{"HAControlPlane":true,"cni":null}}""")!);

        Assert.Equal(HttpStatusCode.OK, status);
        var labels = patched["metadata"]!["labels"]!.AsObject();
        Assert.Equal("a", labels["team"]!.GetValue<string>());
        Assert.Equal("dev", labels["env"]!.GetValue<string>());
        Assert.False(labels.ContainsKey("tier"));
        Assert.True(patched["spec"]!["HAControlPlane"]!.GetValue<bool>());
        Assert.False(patched["spec"]!.AsObject().ContainsKey("cni"));
        Assert.Equal("us-central-dfw-1", patched["spec"]!["region"]!.GetValue<string>());
        Assert.NotEqual(created["metadata"]!["resourceVersion"]!.GetValue<string>(), patched["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(created["metadata"]!["uid"]!.GetValue<string>(), patched["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal(2, patched["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_with_plain_json_is_415_and_invalid_results_are_422()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (wrongType, status415) = await spot.PatchAsync(spot.Path("cloudspaces", "alpha"), new JsonObject(), "application/json");
        var (immutable, status422) = await spot.PatchAsync(spot.Path("cloudspaces", "alpha"), JsonNode.Parse("""{"spec":{"region":"uk-lon-1"}}""")!);
        var (missing, _) = await spot.PatchAsync(spot.Path("cloudspaces", "ghost"), new JsonObject());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType);
        AuthTests.AssertStatus(status415, 415, "UnsupportedMediaType");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, immutable);
        Assert.Equal("spec.region", status422["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        var (_, stored) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));
        Assert.Equal("us-central-dfw-1", stored["spec"]!["region"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_answers_202_with_a_status_naming_the_object_and_removes_its_pools()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var created = await spot.CreateCloudspaceAsync("alpha");
        await spot.CreateCloudspaceAsync("beta");
        await spot.CreateSpotPoolAsync(Objects.NewPoolName(), "alpha");
        var kept = await spot.CreateSpotPoolAsync(Objects.NewPoolName(), "beta");
        await spot.SendAsync(HttpMethod.Post, spot.Path("ondemandnodepools"), Objects.OnDemandPool(Objects.NewPoolName(), "alpha"));

        var (status, body) = await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("Status", body["kind"]!.GetValue<string>());
        Assert.Equal("Success", body["status"]!.GetValue<string>());
        Assert.Equal("alpha", body["details"]!["name"]!.GetValue<string>());
        Assert.Equal(created["metadata"]!["uid"]!.GetValue<string>(), body["details"]!["uid"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await spot.GetAsync(spot.Path("cloudspaces", "alpha"))).Status);
        Assert.Equal([kept["metadata"]!["name"]!.GetValue<string>()], spot.Host.ListResourceNames("spotnodepools"));
        Assert.Empty(spot.Host.ListResourceNames("ondemandnodepools"));
        Assert.Equal(HttpStatusCode.NotFound, (await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"))).Status);
    }

    [Fact]
    public async Task Delete_collection_honours_the_label_selector()
    {
        await using var spot = await EmulatorSession.StartAsync();
        foreach (var (name, env) in new[] { ("a1", "dev"), ("a2", "dev"), ("a3", "prod") })
        {
            var body = Objects.CloudSpace(name);
            body["metadata"]!["labels"] = new JsonObject { ["env"] = env };
            await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);
        }

        var (status, body2) = await spot.DeleteAsync(spot.Path("cloudspaces") + "?labelSelector=env=dev");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Success", body2["status"]!.GetValue<string>());
        Assert.Equal(["a3"], spot.Host.ListResourceNames("cloudspaces"));

        await spot.DeleteAsync(spot.Path("cloudspaces"));
        Assert.Empty(spot.Host.ListResourceNames("cloudspaces"));
    }

    [Fact]
    public async Task Phase_is_provisioning_until_the_ready_delay_has_passed_then_ready_with_an_endpoint()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = clock, ReadyAfter = TimeSpan.FromMinutes(3) });

        var created = await spot.CreateCloudspaceAsync("alpha");
        Assert.Equal("Provisioning", created["status"]!["phase"]!.GetValue<string>());
        Assert.Null(created["status"]!["APIServerEndpoint"]);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("Provisioning", (await spot.GetAsync(spot.Path("cloudspaces", "alpha"))).Body["status"]!["phase"]!.GetValue<string>());

        clock.Advance(TimeSpan.FromMinutes(1));
        var (_, ready) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));
        Assert.Equal("Ready", ready["status"]!["phase"]!.GetValue<string>());
        Assert.StartsWith("https://", ready["status"]!["APIServerEndpoint"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_ready_delay_a_cloudspace_is_ready_at_once()
    {
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.Zero });

        var created = await spot.CreateCloudspaceAsync("alpha");

        Assert.Equal("Ready", created["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_namespace_in_the_body_must_match_the_path()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var body = Objects.CloudSpace("alpha");
        body["metadata"]!["namespace"] = "org-elsewhere";

        var (status, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Unknown_paths_are_a_404_status()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, body) = await spot.GetAsync("/apis/ngpc.rxt.io/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, status);
        AuthTests.AssertStatus(body, 404, "NotFound");
    }
}
