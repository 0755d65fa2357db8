using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.Conformance;

/// <summary>Every operation of the emulator answers with JSON that the spec's schema for that operation and status accepts.</summary>
public sealed class ResponseConformanceTests
{
    private const string Api = "/apis/ngpc.rxt.io/v1";
    private const string Namespaced = Api + "/namespaces/{namespace}";
    private const string Kubeconfig = "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig";

    private static readonly SpecResponseSchemas Schemas =
        SpecResponseSchemas.Load(Path.Combine(AppContext.BaseDirectory, "spec", "spot-api.yaml"));

    private readonly List<string> _problems = [];
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);

    [Fact]
    public async Task Every_operation_answers_as_the_spec_describes()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var ns = spot.Namespace;

        await Check(spot, HttpMethod.Post, "/oauth/token", "/oauth/token", Form(("grant_type", "refresh_token"), ("client_id", EmulatorOptions.PublicClientId), ("refresh_token", spot.Host.RefreshToken)), HttpStatusCode.OK);
        await Check(spot, HttpMethod.Post, "/oauth/token", "/oauth/token", Form(("grant_type", "refresh_token"), ("client_id", EmulatorOptions.PublicClientId), ("refresh_token", "wrong")), HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized);
        await Check(spot, HttpMethod.Get, "/apis/auth.ngpc.rxt.io/v1/organizations", "/apis/auth.ngpc.rxt.io/v1/organizations?start=0&limit=2", null, HttpStatusCode.OK);

        await Check(spot, HttpMethod.Get, Api + "/regions", Api + "/regions", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Api + "/regions/{name}", Api + "/regions/" + EmulatorSession.DfwRegion, null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Api + "/regions/{name}", Api + "/regions/nowhere-1", null, HttpStatusCode.NotFound);
        await Check(spot, HttpMethod.Get, Api + "/serverclasses", Api + "/serverclasses", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Api + "/serverclasses/{name}", Api + "/serverclasses/gp.vs1.medium-dfw", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Api + "/serverclasses/{name}", Api + "/serverclasses/gp.bm2.large-dfw", null, HttpStatusCode.OK);

        await Check(spot, HttpMethod.Post, Namespaced + "/cloudspaces", $"{Api}/namespaces/{ns}/cloudspaces", Json(Objects.CloudSpace("alpha")), HttpStatusCode.Created);
        await Check(spot, HttpMethod.Post, Namespaced + "/cloudspaces", $"{Api}/namespaces/{ns}/cloudspaces", Json(Objects.CloudSpace("alpha")), HttpStatusCode.Conflict);
        await Check(spot, HttpMethod.Get, Namespaced + "/cloudspaces", $"{Api}/namespaces/{ns}/cloudspaces", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/cloudspaces/{name}", $"{Api}/namespaces/{ns}/cloudspaces/alpha", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Patch, Namespaced + "/cloudspaces/{name}", $"{Api}/namespaces/{ns}/cloudspaces/alpha", MergePatch(new JsonObject { ["spec"] = new JsonObject { ["HAControlPlane"] = true } }), HttpStatusCode.OK);

        var spotPool = Objects.NewPoolName();
        var onDemandPool = Objects.NewPoolName();
        await Check(spot, HttpMethod.Post, Namespaced + "/spotnodepools", $"{Api}/namespaces/{ns}/spotnodepools", Json(Objects.SpotPool(spotPool, "alpha")), HttpStatusCode.Created);
        await Check(spot, HttpMethod.Post, Namespaced + "/spotnodepools", $"{Api}/namespaces/{ns}/spotnodepools", Json(Objects.SpotPool("not-a-uuid", "alpha")), HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
        await Check(spot, HttpMethod.Get, Namespaced + "/spotnodepools", $"{Api}/namespaces/{ns}/spotnodepools?labelSelector=ngpc.rxt.io/cloudspace=alpha", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/spotnodepools/{name}", $"{Api}/namespaces/{ns}/spotnodepools/{spotPool}", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Patch, Namespaced + "/spotnodepools/{name}", $"{Api}/namespaces/{ns}/spotnodepools/{spotPool}", MergePatch(new JsonObject { ["spec"] = new JsonObject { ["desired"] = 3, ["bidPrice"] = "0.6" } }), HttpStatusCode.OK);
        await Check(spot, HttpMethod.Post, Namespaced + "/ondemandnodepools", $"{Api}/namespaces/{ns}/ondemandnodepools", Json(Objects.OnDemandPool(onDemandPool, "alpha")), HttpStatusCode.Created);
        await Check(spot, HttpMethod.Get, Namespaced + "/ondemandnodepools", $"{Api}/namespaces/{ns}/ondemandnodepools", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/ondemandnodepools/{name}", $"{Api}/namespaces/{ns}/ondemandnodepools/{onDemandPool}", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Patch, Namespaced + "/ondemandnodepools/{name}", $"{Api}/namespaces/{ns}/ondemandnodepools/{onDemandPool}", MergePatch(new JsonObject { ["spec"] = new JsonObject { ["desired"] = 2 } }), HttpStatusCode.OK);

        var autopilot = new JsonObject
        {
            ["apiVersion"] = "ngpc.rxt.io/v1",
            ["kind"] = "AutopilotNodePool",
            ["metadata"] = new JsonObject { ["name"] = "auto-1" },
            ["spec"] = new JsonObject { ["cloudSpace"] = "alpha", ["vcpu"] = new JsonObject { ["total"] = 8 }, ["budgetPerHour"] = "0.100" },
        };
        await Check(spot, HttpMethod.Post, Namespaced + "/autopilotnodepools", $"{Api}/namespaces/{ns}/autopilotnodepools", Json(autopilot), HttpStatusCode.Created);
        await Check(spot, HttpMethod.Get, Namespaced + "/autopilotnodepools", $"{Api}/namespaces/{ns}/autopilotnodepools?labelSelector=ngpc.rxt.io/cloudspace=alpha", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/autopilotnodepools/{name}", $"{Api}/namespaces/{ns}/autopilotnodepools/auto-1", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Patch, Namespaced + "/autopilotnodepools/{name}", $"{Api}/namespaces/{ns}/autopilotnodepools/auto-1", MergePatch(new JsonObject { ["spec"] = new JsonObject { ["vcpu"] = new JsonObject { ["total"] = 4 } } }), HttpStatusCode.OK);
        await Check(spot, HttpMethod.Delete, Namespaced + "/autopilotnodepools/{name}", $"{Api}/namespaces/{ns}/autopilotnodepools/auto-1", null, HttpStatusCode.OK, HttpStatusCode.Accepted);

        // Read again once the objects have a status, so the filled-in status is checked too.
        await Check(spot, HttpMethod.Get, Namespaced + "/cloudspaces/{name}", $"{Api}/namespaces/{ns}/cloudspaces/alpha", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/spotnodepools/{name}", $"{Api}/namespaces/{ns}/spotnodepools/{spotPool}", null, HttpStatusCode.OK);

        await Check(spot, HttpMethod.Post, Kubeconfig, Kubeconfig, KubeconfigRequest(spot, "alpha"), HttpStatusCode.OK);
        await Check(spot, HttpMethod.Post, Kubeconfig, Kubeconfig, KubeconfigRequest(spot, "missing"), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);

        await Check(spot, HttpMethod.Get, Namespaced + "/vmcloudspaces", $"{Api}/namespaces/{ns}/vmcloudspaces", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/vmpools", $"{Api}/namespaces/{ns}/vmpools", null, HttpStatusCode.OK);
        await CheckVmResources(spot, ns);
        await Check(spot, HttpMethod.Get, "/apis/metrics.ngpc.rxt.io/v1/events/organizations", "/apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=50", null, HttpStatusCode.OK);

        await Check(spot, HttpMethod.Get, "/history/{server_class}", "/history/gp.vs1.medium-dfw", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, "/history/{server_class}", "/history/gp.bm2.large-dfw", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, "/percentiles.json", "/percentiles.json", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, "/comparable_prices.json", "/comparable_prices.json", null, HttpStatusCode.OK);

        await Check(spot, HttpMethod.Delete, Namespaced + "/spotnodepools/{name}", $"{Api}/namespaces/{ns}/spotnodepools/{spotPool}", null, HttpStatusCode.OK, HttpStatusCode.Accepted);
        await Check(spot, HttpMethod.Delete, Namespaced + "/ondemandnodepools/{name}", $"{Api}/namespaces/{ns}/ondemandnodepools/{onDemandPool}", null, HttpStatusCode.OK, HttpStatusCode.Accepted);
        await Check(spot, HttpMethod.Delete, Namespaced + "/spotnodepools", $"{Api}/namespaces/{ns}/spotnodepools", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Delete, Namespaced + "/ondemandnodepools", $"{Api}/namespaces/{ns}/ondemandnodepools", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Delete, Namespaced + "/cloudspaces/{name}", $"{Api}/namespaces/{ns}/cloudspaces/alpha", null, HttpStatusCode.OK, HttpStatusCode.Accepted);
        await Check(spot, HttpMethod.Delete, Namespaced + "/cloudspaces", $"{Api}/namespaces/{ns}/cloudspaces", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/cloudspaces/{name}", $"{Api}/namespaces/{ns}/cloudspaces/never", null, HttpStatusCode.NotFound);

        Assert.Empty(Schemas.Operations.Except(_covered));
        Assert.True(_problems.Count == 0, string.Join(Environment.NewLine, _problems));
    }

    [Fact]
    public void A_region_country_that_is_not_alpha_3_fails_the_spec()
    {
        const string region = """{"apiVersion":"ngpc.rxt.io/v1","kind":"Region","metadata":{"name":"r"},"spec":{"country":"US","provider":{"providerRegionName":"x","providerType":"y"}}}""";

        var problems = Schemas.Problems(HttpMethod.Get, Api + "/regions/{name}", HttpStatusCode.OK, region);

        Assert.Contains(problems, p => p.Contains("/spec/country", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spot_pool_without_its_bid_status_fails_the_spec()
    {
        const string pool = """{"metadata":{"name":"p"},"spec":{"bidPrice":"0.5","cloudSpace":"a","desired":1,"serverClass":"c"},"status":{"wonCount":1}}""";

        var problems = Schemas.Problems(HttpMethod.Get, Namespaced + "/spotnodepools/{name}", HttpStatusCode.OK, pool);

        Assert.Contains(problems, p => p.Contains("/status", StringComparison.Ordinal) && p.Contains("bidStatus", StringComparison.Ordinal));
    }

    // VM SSH keys, VM cloudspaces and VM pools through every operation, the VM cloudspace read again with its machines.
    private async Task CheckVmResources(EmulatorSession spot, string ns)
    {
        const string pool = "9f3c4d5e-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
        var key = new JsonObject
        {
            ["apiVersion"] = "ngpc.rxt.io/v1", ["kind"] = "VMSSHKey", ["metadata"] = new JsonObject { ["name"] = "conf-key" },
            ["spec"] = new JsonObject { ["publicKey"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N c@h" },
        };
        var cloudspace = new JsonObject
        {
            ["apiVersion"] = "ngpc.rxt.io/v1", ["kind"] = "VMCloudSpace", ["metadata"] = new JsonObject { ["name"] = "conf-vm" },
            ["spec"] = new JsonObject { ["region"] = EmulatorSession.DfwRegion, ["vmSshKeyRef"] = new JsonObject { ["name"] = "conf-key" } },
        };
        var vmPool = new JsonObject
        {
            ["apiVersion"] = "ngpc.rxt.io/v1", ["kind"] = "VMPool", ["metadata"] = new JsonObject { ["name"] = pool },
            ["spec"] = new JsonObject { ["vmCloudSpace"] = "conf-vm", ["serverClass"] = "gp.vs1.medium-dfw", ["bidPrice"] = "5.000", ["desired"] = 2, ["poolType"] = "spot", ["vmImage"] = "ubuntu24.04" },
        };
        await Check(spot, HttpMethod.Post, Namespaced + "/vmsshkeys", $"{Api}/namespaces/{ns}/vmsshkeys", Json(key), HttpStatusCode.Created);
        await Check(spot, HttpMethod.Get, Namespaced + "/vmsshkeys", $"{Api}/namespaces/{ns}/vmsshkeys", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/vmsshkeys/{name}", $"{Api}/namespaces/{ns}/vmsshkeys/conf-key", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Post, Namespaced + "/vmcloudspaces", $"{Api}/namespaces/{ns}/vmcloudspaces", Json(cloudspace), HttpStatusCode.Created);
        await Check(spot, HttpMethod.Post, Namespaced + "/vmpools", $"{Api}/namespaces/{ns}/vmpools", Json(vmPool), HttpStatusCode.Created);
        await Check(spot, HttpMethod.Get, Namespaced + "/vmpools/{name}", $"{Api}/namespaces/{ns}/vmpools/{pool}", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Patch, Namespaced + "/vmpools/{name}", $"{Api}/namespaces/{ns}/vmpools/{pool}", MergePatch(new JsonObject { ["spec"] = new JsonObject { ["desired"] = 3 } }), HttpStatusCode.OK);
        await Check(spot, HttpMethod.Patch, Namespaced + "/vmcloudspaces/{name}", $"{Api}/namespaces/{ns}/vmcloudspaces/conf-vm", MergePatch(new JsonObject { ["spec"] = new JsonObject { ["webhook"] = "https://example.com/h" } }), HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/vmcloudspaces/{name}", $"{Api}/namespaces/{ns}/vmcloudspaces/conf-vm", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Get, Namespaced + "/vmcloudspaces", $"{Api}/namespaces/{ns}/vmcloudspaces", null, HttpStatusCode.OK);
        await Check(spot, HttpMethod.Delete, Namespaced + "/vmpools/{name}", $"{Api}/namespaces/{ns}/vmpools/{pool}", null, HttpStatusCode.OK, HttpStatusCode.Accepted);
        await Check(spot, HttpMethod.Delete, Namespaced + "/vmcloudspaces/{name}", $"{Api}/namespaces/{ns}/vmcloudspaces/conf-vm", null, HttpStatusCode.OK, HttpStatusCode.Accepted);
        await Check(spot, HttpMethod.Delete, Namespaced + "/vmsshkeys/{name}", $"{Api}/namespaces/{ns}/vmsshkeys/conf-key", null, HttpStatusCode.OK, HttpStatusCode.Accepted);
    }

    private async Task Check(EmulatorSession spot, HttpMethod method, string template, string path, HttpContent? content, params HttpStatusCode[] expected)
    {
        using (content)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
            using var response = await spot.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            _covered.Add($"{method.Method} {template}");
            if (!expected.Contains(response.StatusCode))
            {
                _problems.Add($"{method} {path}: status {(int)response.StatusCode}, expected {string.Join(" or ", expected.Select(e => (int)e))}: {body}");
                return;
            }

            _problems.AddRange(Schemas.Problems(method, template, response.StatusCode, body));
        }
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static StringContent KubeconfigRequest(EmulatorSession spot, string cloudspace) => Json(new JsonObject
    {
        ["organization_name"] = spot.Host.OrganizationName,
        ["cloudspace_name"] = cloudspace,
        ["refresh_token"] = spot.Host.RefreshToken,
    });

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static StringContent MergePatch(JsonNode body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        return content;
    }
}
