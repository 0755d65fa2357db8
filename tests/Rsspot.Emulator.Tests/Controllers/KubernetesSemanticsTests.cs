using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Rsspot.Emulator.Tests.Auth;

namespace Rsspot.Emulator.Tests.Controllers;

/// <summary>The Kubernetes behaviours the published file is silent on: optimistic concurrency, dry runs, pages, deletion.</summary>
public class KubernetesSemanticsTests
{
    [Fact]
    public async Task A_merge_patch_with_a_stale_resource_version_is_409_conflict_and_changes_nothing()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var created = await spot.CreateCloudspaceAsync("alpha");
        var stale = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        var (first, updated) = await spot.PatchAsync(spot.Path("cloudspaces", "alpha"), Patch(stale, "1.30.10"));
        Assert.Equal(HttpStatusCode.OK, first);

        var (status, body) = await spot.PatchAsync(spot.Path("cloudspaces", "alpha"), Patch(stale, "1.29.6"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        AuthTests.AssertStatus(body, 409, "Conflict");
        Assert.Contains("the object has been modified", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, stored) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));
        Assert.Equal("1.30.10", stored["spec"]!["kubernetesVersion"]!.GetValue<string>());

        var current = updated["metadata"]!["resourceVersion"]!.GetValue<string>();
        var (again, _) = await spot.PatchAsync(spot.Path("cloudspaces", "alpha"), Patch(current, "1.29.6"));
        Assert.Equal(HttpStatusCode.OK, again);

        static JsonObject Patch(string resourceVersion, string version) => new()
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["spec"] = new JsonObject { ["kubernetesVersion"] = version },
        };
    }

    [Fact]
    public async Task A_json_patch_that_tests_or_sets_a_stale_resource_version_is_refused()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, _) = await spot.SendTextAsync(HttpMethod.Patch, spot.Path("cloudspaces", "alpha"),
            """[{"op":"replace","path":"/metadata/resourceVersion","value":"1"},{"op":"replace","path":"/spec/cni","value":"cilium"}]""",
            "application/json-patch+json");

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task Dry_run_writes_are_validated_and_answered_but_not_stored()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var alpha = await spot.CreateCloudspaceAsync("alpha");

        var (created, dryCreated) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces") + "?dryRun=All", Objects.CloudSpace("beta"));
        var (invalid, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces") + "?dryRun=All", Objects.CloudSpace("Bad_Name"));
        var (taken, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces") + "?dryRun=All", Objects.CloudSpace("alpha"));
        var (patched, dryPatched) = await spot.PatchAsync(spot.Path("cloudspaces", "alpha") + "?dryRun=All", new JsonObject { ["spec"] = new JsonObject { ["cni"] = "cilium" } });
        var (deleted, _) = await spot.DeleteAsync(spot.Path("cloudspaces", "alpha") + "?dryRun=All");
        var (collection, _) = await spot.DeleteAsync(spot.Path("cloudspaces") + "?dryRun=All");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("beta", dryCreated["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid);
        Assert.Equal(HttpStatusCode.Conflict, taken);
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal("cilium", dryPatched["spec"]!["cni"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, deleted);
        Assert.Equal(HttpStatusCode.OK, collection);

        Assert.Equal(["alpha"], spot.Host.ListResourceNames("cloudspaces"));
        var stored = spot.Host.GetResource("cloudspaces", "alpha")!;
        Assert.Equal("calico", stored["spec"]!["cni"]!.GetValue<string>());
        Assert.Equal(alpha["metadata"]!["resourceVersion"]!.GetValue<string>(), stored["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST", "?dryRun=Some", "CreateOptions")]
    [InlineData("PATCH", "?dryRun=true", "PatchOptions")]
    [InlineData("DELETE", "?dryRun=All&dryRun=None", "DeleteOptions")]
    public async Task A_dry_run_value_other_than_all_is_422(string method, string query, string options)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var path = (method == "POST" ? spot.Path("cloudspaces") : spot.Path("cloudspaces", "alpha")) + query;
        JsonNode? body = method switch
        {
            "POST" => Objects.CloudSpace("beta"),
            "PATCH" => new JsonObject { ["spec"] = new JsonObject { ["cni"] = "cilium" } },
            _ => null,
        };

        var (status, answer) = await spot.SendAsync(new HttpMethod(method), path, body, method == "PATCH" ? "application/merge-patch+json" : "application/json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        AuthTests.AssertStatus(answer, 422, "Invalid");
        Assert.Equal(options, answer["details"]!["kind"]!.GetValue<string>());
        Assert.Equal("dryRun", answer["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(["alpha"], spot.Host.ListResourceNames("cloudspaces"));
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_list_in_name_order()
    {
        await using var spot = await EmulatorSession.StartAsync();
        foreach (var name in new[] { "e", "a", "d", "c", "b" })
        {
            await spot.CreateCloudspaceAsync(name);
        }

        var names = new List<string>();
        var remaining = new List<int>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = "?limit=2" + (token is null ? string.Empty : "&continue=" + Uri.EscapeDataString(token));
            var (status, page) = await spot.GetAsync(spot.Path("cloudspaces") + query);
            Assert.Equal(HttpStatusCode.OK, status);
            names.AddRange(EmulatorSession.Names(page));
            token = page["metadata"]!["continue"]?.GetValue<string>();
            if (page["metadata"]!["remainingItemCount"] is { } left)
            {
                remaining.Add(left.GetValue<int>());
            }

            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, pages);
        Assert.Equal([3, 1], remaining);
    }

    [Fact]
    public async Task Pages_respect_the_label_selector_and_no_limit_means_everything()
    {
        await using var spot = await EmulatorSession.StartAsync();
        foreach (var (name, team) in new[] { ("a", "blue"), ("b", "red"), ("c", "blue"), ("d", "blue") })
        {
            var body = Objects.CloudSpace(name);
            body["metadata"]!["labels"] = new JsonObject { ["team"] = team };
            Assert.Equal(HttpStatusCode.Created, (await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body)).Status);
        }

        var (_, first) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=2&labelSelector=" + Uri.EscapeDataString("team in (blue)"));
        var token = first["metadata"]!["continue"]!.GetValue<string>();
        var (_, second) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=2&labelSelector=team%3Dblue&continue=" + Uri.EscapeDataString(token));
        var (_, all) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=0");

        Assert.Equal(["a", "c"], EmulatorSession.Names(first));
        Assert.Equal(["d"], EmulatorSession.Names(second));
        Assert.Null(second["metadata"]!["continue"]);
        Assert.Equal(4, EmulatorSession.Names(all).Count());
        Assert.Null(all["metadata"]!["continue"]);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJ2IjoxfQ")]
    public async Task A_continue_value_that_was_not_issued_for_this_list_is_400(string token)
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, body) = await spot.GetAsync(spot.Path("cloudspaces") + "?continue=" + token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AuthTests.AssertStatus(body, 400, "BadRequest");
    }

    [Fact]
    public async Task A_continue_value_of_another_list_is_400_and_a_bad_limit_is_400()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("a");
        await spot.CreateCloudspaceAsync("b");
        var (_, page) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=1");
        var token = page["metadata"]!["continue"]!.GetValue<string>();

        var (other, _) = await spot.GetAsync(spot.Path("spotnodepools") + "?continue=" + Uri.EscapeDataString(token));
        var (negative, _) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=-1");
        var (word, _) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=ten");

        Assert.Equal(HttpStatusCode.BadRequest, other);
        Assert.Equal(HttpStatusCode.BadRequest, negative);
        Assert.Equal(HttpStatusCode.BadRequest, word);
    }

    [Fact]
    public async Task A_continue_value_older_than_its_lifetime_is_410_expired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = clock, ContinueLifetime = TimeSpan.FromMinutes(5) });
        await spot.CreateCloudspaceAsync("a");
        await spot.CreateCloudspaceAsync("b");
        var (_, page) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=1");
        var token = Uri.EscapeDataString(page["metadata"]!["continue"]!.GetValue<string>());

        clock.Advance(TimeSpan.FromMinutes(4));
        var (fresh, _) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=1&continue=" + token);
        clock.Advance(TimeSpan.FromMinutes(2));
        var (status, body) = await spot.GetAsync(spot.Path("cloudspaces") + "?limit=1&continue=" + token);

        Assert.Equal(HttpStatusCode.OK, fresh);
        Assert.Equal(HttpStatusCode.Gone, status);
        AuthTests.AssertStatus(body, 410, "Expired");
    }

    [Fact]
    public async Task With_a_deletion_grace_period_a_deleted_cloudspace_terminates_before_it_is_gone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = clock, DeletionGracePeriod = TimeSpan.FromSeconds(30) });
        await spot.CreateCloudspaceAsync("alpha");
        var pool = Objects.NewPoolName();
        await spot.CreateSpotPoolAsync(pool, "alpha");

        var (deleted, status) = await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"));
        var (during, terminating) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));
        var (_, poolDuring) = await spot.GetAsync(spot.Path("spotnodepools", pool));
        var (again, _) = await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"));
        var (reused, refusal) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), Objects.CloudSpace("alpha"));
        var (newPool, poolRefusal) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), Objects.SpotPool(Objects.NewPoolName(), "alpha"));

        Assert.Equal(HttpStatusCode.Accepted, deleted);
        Assert.Equal("Success", status["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, during);
        Assert.Equal("Terminating", terminating["status"]!["phase"]!.GetValue<string>());
        Assert.NotNull(terminating["metadata"]!["deletionTimestamp"]);
        Assert.Equal(30, terminating["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>());
        Assert.NotNull(poolDuring["metadata"]!["deletionTimestamp"]);
        Assert.Equal(HttpStatusCode.Accepted, again);
        Assert.Equal(HttpStatusCode.Conflict, reused);
        AuthTests.AssertStatus(refusal, 409, "AlreadyExists");
        Assert.Contains("being deleted", refusal["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, newPool);
        Assert.Contains(poolRefusal["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "spec.cloudSpace");

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.NotFound, (await spot.GetAsync(spot.Path("cloudspaces", "alpha"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await spot.GetAsync(spot.Path("spotnodepools", pool))).Status);
        Assert.Equal(HttpStatusCode.Created, (await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), Objects.CloudSpace("alpha"))).Status);
    }

    [Fact]
    public async Task Without_a_grace_period_a_deleted_object_is_gone_at_once_and_its_name_free()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (deleted, _) = await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"));

        Assert.Equal(HttpStatusCode.Accepted, deleted);
        Assert.Equal(HttpStatusCode.NotFound, (await spot.GetAsync(spot.Path("cloudspaces", "alpha"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), Objects.CloudSpace("alpha"))).Status);
    }

    [Theory]
    [InlineData("ngpc.rxt.io/v2")]
    [InlineData("v1")]
    public async Task Create_refuses_another_api_version_as_it_refuses_another_kind(string apiVersion)
    {
        await using var spot = await EmulatorSession.StartAsync();
        var body = Objects.CloudSpace("alpha");
        body["apiVersion"] = apiVersion;

        var (status, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AuthTests.AssertStatus(answer, 400, "BadRequest");
        Assert.Contains(apiVersion, answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(spot.Host.ListResourceNames("cloudspaces"));
    }

    [Fact]
    public async Task A_taint_effect_kubernetes_does_not_know_is_422()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var body = Objects.SpotPool(Objects.NewPoolName(), "alpha");
        body["spec"]!["customTaints"] = new JsonArray(new JsonObject { ["key"] = "k", ["effect"] = "Bogus" });

        var (status, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var cause = Assert.Single(answer["details"]!["causes"]!.AsArray());
        Assert.Equal("spec.customTaints[0].effect", cause!["field"]!.GetValue<string>());
        Assert.Equal("FieldValueNotSupported", cause["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cloudspace_without_a_kubernetes_version_is_422_naming_it()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var body = Objects.CloudSpace("alpha");
        body["spec"]!.AsObject().Remove("kubernetesVersion");

        var (status, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var cause = Assert.Single(answer["details"]!["causes"]!.AsArray());
        Assert.Equal("spec.kubernetesVersion", cause!["field"]!.GetValue<string>());
        Assert.Equal("FieldValueRequired", cause["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_null_counts_as_absent_as_kubernetes_prunes_it()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var kubectlStyle = Objects.CloudSpace("alpha");
        kubectlStyle["metadata"]!["creationTimestamp"] = null;
        kubectlStyle["spec"]!["webhook"] = null;
        var nullVersion = Objects.CloudSpace("beta");
        nullVersion["spec"]!["kubernetesVersion"] = null;

        var (accepted, created) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), kubectlStyle);
        var (refused, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), nullVersion);

        Assert.True(accepted == HttpStatusCode.Created, created.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains(answer["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "spec.kubernetesVersion" && c["reason"]!.GetValue<string>() == "FieldValueRequired");
    }

    [Fact]
    public async Task Set_based_selectors_filter_lists_and_delete_collections()
    {
        await using var spot = await EmulatorSession.StartAsync();
        foreach (var (name, team) in new[] { ("a", "blue"), ("b", "red"), ("c", "green") })
        {
            var body = Objects.CloudSpace(name);
            body["metadata"]!["labels"] = new JsonObject { ["team"] = team };
            await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces"), body);
        }

        var (_, inBlueRed) = await spot.GetAsync(spot.Path("cloudspaces") + "?labelSelector=" + Uri.EscapeDataString("team in (blue,red)"));
        var (deleted, _) = await spot.DeleteAsync(spot.Path("cloudspaces") + "?labelSelector=" + Uri.EscapeDataString("team notin (blue, red)"));
        var (bad, badBody) = await spot.GetAsync(spot.Path("cloudspaces") + "?labelSelector=" + Uri.EscapeDataString("team in (blue"));

        Assert.Equal(["a", "b"], EmulatorSession.Names(inBlueRed));
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(["a", "b"], spot.Host.ListResourceNames("cloudspaces"));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        AuthTests.AssertStatus(badBody, 400, "BadRequest");
    }
}
