using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Kube;

/// <summary>The Kubernetes documents of the emulator's kube API: discovery, lists and the tables kubectl asks for.</summary>
internal static class KubeObjects
{
    private static readonly string[] NamespaceNames = ["default", "kube-node-lease", "kube-public", "kube-system"];

    public static ApiOutcome Version(string version)
    {
        var parts = version.Split('.');
        return ApiOutcome.Ok(new JsonObject
        {
            ["major"] = parts[0],
            ["minor"] = parts.Length > 1 ? parts[1] : "0",
            ["gitVersion"] = "v" + version,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2024-09-11T00:00:00Z",
            ["goVersion"] = "go1.22.6",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        });
    }

    public static ApiOutcome ApiVersions(string host) => ApiOutcome.Ok(new JsonObject
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = host }),
    });

    public static ApiOutcome GroupList() => ApiOutcome.Ok(new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = new JsonArray() });

    public static ApiOutcome ResourceList() => ApiOutcome.Ok(new JsonObject
    {
        ["kind"] = "APIResourceList",
        ["groupVersion"] = "v1",
        ["resources"] = new JsonArray(
            Resource("namespaces", "Namespace", namespaced: false, "ns"),
            Resource("nodes", "Node", namespaced: false, "no"),
            Resource("pods", "Pod", namespaced: true, "po")),
    });

    public static IReadOnlyList<JsonObject> Namespaces(KubeCluster cluster) =>
        NamespaceNames.Select(n => new JsonObject
        {
            ["kind"] = "Namespace",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["name"] = n, ["uid"] = StableUid(cluster.Name + "/" + n), ["creationTimestamp"] = cluster.Created, ["resourceVersion"] = "1" },
            ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        }).ToList();

    /// <summary>A list, or the Table kubectl asks for with <c>Accept: ...;as=Table</c>.</summary>
    public static ApiOutcome List(string kind, IReadOnlyList<JsonObject> items, HttpContext http, Func<JsonObject, JsonArray> cells)
    {
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains("as=Table", StringComparison.Ordinal))
        {
            var columns = kind switch
            {
                "Node" => new[] { "Name", "Status", "Roles", "Age", "Version" },
                "Namespace" => ["Name", "Status", "Age"],
                _ => ["Name", "Ready", "Status", "Restarts", "Age"],
            };
            return ApiOutcome.Ok(new JsonObject
            {
                ["kind"] = "Table",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
                ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c,
                    ["type"] = "string",
                    ["format"] = c == "Name" ? "name" : string.Empty,
                    ["description"] = c,
                    ["priority"] = 0,
                })]),
                ["rows"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
                {
                    ["cells"] = cells(i),
                    ["object"] = new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = i["metadata"]!.DeepClone() },
                })]),
            });
        }

        return ApiOutcome.Ok(new JsonObject
        {
            ["kind"] = kind + "List",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]),
        });
    }

    public static ApiOutcome Single(IReadOnlyList<JsonObject> items, string plural, string name) =>
        items.FirstOrDefault(i => i["metadata"]!["name"]!.GetValue<string>() == name) is { } item
            ? ApiOutcome.Ok(item.DeepClone())
            : new ApiOutcome(404, KubeStatus.Failure(404, "NotFound", $"{plural} \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = plural }));

    public static JsonArray NodeTable(JsonObject node) =>
        new(Name(node), "Ready", "<none>", Age(node), node["status"]!["nodeInfo"]!["kubeletVersion"]!.DeepClone());

    public static JsonArray NamespaceTable(JsonObject ns) => new(Name(ns), "Active", Age(ns));

    public static JsonArray PodTable(JsonObject pod) => new(Name(pod), "0/0", "Unknown", 0, Age(pod));

    public static string StableUid(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static JsonNode Resource(string name, string kind, bool namespaced, string shortName) => new JsonObject
    {
        ["name"] = name,
        ["singularName"] = kind.ToLowerInvariant(),
        ["namespaced"] = namespaced,
        ["kind"] = kind,
        ["verbs"] = new JsonArray("get", "list"),
        ["shortNames"] = new JsonArray(shortName),
    };

    private static JsonNode Name(JsonObject item) => item["metadata"]!["name"]!.DeepClone();

    private static string Age(JsonObject item)
    {
        if (item["metadata"]?["creationTimestamp"]?.GetValue<string>() is not { Length: > 0 } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return "<unknown>";
        }

        var age = DateTimeOffset.UtcNow - created;
        return age.TotalDays >= 1 ? $"{(int)age.TotalDays}d"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h"
            : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes}m"
            : $"{Math.Max(0, (int)age.TotalSeconds)}s";
    }
}
