using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Kube;

/// <summary>
/// A minimal, read-only Kubernetes API per Ready cloudspace under <c>/_kube/NAMESPACE/CLOUDSPACE</c>: version,
/// discovery, namespaces, one node per won or on-demand node, no pods. Enough for <c>kubectl get nodes</c>,
/// <c>kubectl get pods</c> and <c>kubectl version</c>. Only tokens of the emulator's own, unexpired kubeconfigs pass.
/// </summary>
internal static class KubeApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var kube = app.MapGroup(KubePaths.Root + "/{ns}/{cloudspace}");
        Get(kube, "/version", (c, _) => KubeObjects.Version(c.Version));
        Get(kube, "/api", (c, http) => KubeObjects.ApiVersions(http.Request.Host.Value ?? "127.0.0.1"));
        Get(kube, "/apis", (_, _) => KubeObjects.GroupList());
        Get(kube, "/api/v1", (_, _) => KubeObjects.ResourceList());
        Get(kube, "/api/v1/namespaces", (c, http) => KubeObjects.List("Namespace", KubeObjects.Namespaces(c), http, KubeObjects.NamespaceTable));
        Get(kube, "/api/v1/namespaces/{name}", (c, http) => KubeObjects.Single(KubeObjects.Namespaces(c), "namespaces", Route(http, "name")));
        Get(kube, "/api/v1/nodes", (c, http) => KubeObjects.List("Node", c.Nodes, http, KubeObjects.NodeTable));
        Get(kube, "/api/v1/nodes/{name}", (c, http) => KubeObjects.Single(c.Nodes, "nodes", Route(http, "name")));
        Get(kube, "/api/v1/pods", (_, http) => KubeObjects.List("Pod", [], http, KubeObjects.PodTable));
        Get(kube, "/api/v1/namespaces/{name}/pods", (c, http) =>
            KubeObjects.Namespaces(c).Any(n => n["metadata"]!["name"]!.GetValue<string>() == Route(http, "name"))
                ? KubeObjects.List("Pod", [], http, KubeObjects.PodTable)
                : KubeStatus.NotFoundPath(http.Request.Path));
        kube.Map("/{**rest}", context => KubeStatus.NotFoundPath(context.Request.Path).WriteAsync(context));
    }

    private static string Route(HttpContext http, string key) => http.Request.RouteValues[key] as string ?? string.Empty;

    private static void Get(RouteGroupBuilder group, string pattern, Func<KubeCluster, HttpContext, ApiOutcome> answer) =>
        group.MapGet(pattern, (HttpContext http, ResourceService resources, KubeTokenService tokens) =>
        {
            var outcome = Answer(http, resources, tokens, answer);
            return outcome.WriteAsync(http);
        });

    private static ApiOutcome Answer(HttpContext http, ResourceService resources, KubeTokenService tokens, Func<KubeCluster, HttpContext, ApiOutcome> answer)
    {
        if (!http.Request.IsHttps)
        {
            return KubeStatus.NotFoundPath(http.Request.Path);
        }

        var ns = Route(http, "ns");
        var name = Route(http, "cloudspace");
        var found = resources.Get(ResourceKind.CloudSpace, ns, name);
        if (!found.IsSuccess || found.Body["status"]?["phase"]?.GetValue<string>() != "Ready")
        {
            // A cluster that is not (or no longer) Ready has no API server to answer.
            return new ApiOutcome(503, KubeStatus.Failure(503, "ServiceUnavailable", $"cloudspace {name} has no running API server"));
        }

        var cloudspace = (JsonObject)found.Body;
        var uid = cloudspace["metadata"]?["uid"]?.GetValue<string>() ?? string.Empty;
        if (tokens.Check(http.Request.Headers.Authorization, uid) is { } problem)
        {
            return KubeStatus.Unauthorized(problem);
        }

        var spot = resources.List(ResourceKind.SpotNodePool, ns, null);
        var onDemand = resources.List(ResourceKind.OnDemandNodePool, ns, null);
        return answer(KubeCluster.From(cloudspace, Items(spot, name), Items(onDemand, name)), http);
    }

    private static IEnumerable<JsonObject> Items(ApiOutcome list, string cloudspace) =>
        !list.IsSuccess
            ? []
            : list.Body["items"]!.AsArray().OfType<JsonObject>()
                .Where(p => p["spec"]?["cloudSpace"]?.GetValue<string>() == cloudspace && p["metadata"]?["deletionTimestamp"] is null);
}
