using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Kube;

/// <summary>What the kube API of one cloudspace shows: its version, creation time and nodes (one per won spot or on-demand node).</summary>
internal sealed record KubeCluster(string Name, string Version, string Created, IReadOnlyList<JsonObject> Nodes)
{
    public static KubeCluster From(JsonObject cloudspace, IEnumerable<JsonObject> spotPools, IEnumerable<JsonObject> onDemandPools)
    {
        var name = cloudspace["metadata"]!["name"]!.GetValue<string>();
        var version = cloudspace["status"]?["currentKubernetesVersion"]?.GetValue<string>() ?? "1.31.1";
        var created = cloudspace["metadata"]?["creationTimestamp"]?.GetValue<string>() ?? string.Empty;
        var region = cloudspace["spec"]?["region"]?.GetValue<string>() ?? string.Empty;
        var nodes = new List<JsonObject>();
        foreach (var pool in spotPools)
        {
            nodes.AddRange(NodesOf(pool, "spot", Count(pool["status"]?["wonCount"]), version, region));
        }

        foreach (var pool in onDemandPools)
        {
            nodes.AddRange(NodesOf(pool, "ondemand", Count(pool["status"]?["reservedCount"] ?? pool["spec"]?["desired"]), version, region));
        }

        return new KubeCluster(name, version, created, nodes);
    }

    private static int Count(JsonNode? value) => value is JsonValue v && v.TryGetValue<int>(out var n) ? Math.Clamp(n, 0, 1000) : 0;

    private static IEnumerable<JsonObject> NodesOf(JsonObject pool, string kind, int count, string version, string region)
    {
        var poolName = pool["metadata"]!["name"]!.GetValue<string>();
        var serverClass = pool["spec"]?["serverClass"]?.GetValue<string>() ?? string.Empty;
        var created = pool["metadata"]?["creationTimestamp"]?.GetValue<string>() ?? string.Empty;
        for (var i = 0; i < count; i++)
        {
            var nodeName = $"{kind}-{poolName}-{i}";
            yield return new JsonObject
            {
                ["kind"] = "Node",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject
                {
                    ["name"] = nodeName,
                    ["uid"] = KubeObjects.StableUid(nodeName + "/" + pool["metadata"]?["uid"]),
                    ["creationTimestamp"] = created,
                    ["resourceVersion"] = "1",
                    ["labels"] = new JsonObject
                    {
                        ["kubernetes.io/hostname"] = nodeName,
                        ["node.kubernetes.io/instance-type"] = serverClass,
                        ["topology.kubernetes.io/region"] = region,
                        ["ngpc.rxt.io/node-pool"] = poolName,
                        ["ngpc.rxt.io/pool-type"] = kind,
                    },
                },
                ["spec"] = new JsonObject(),
                ["status"] = new JsonObject
                {
                    ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady", ["message"] = "kubelet is posting ready status" }),
                    ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = "v" + version, ["architecture"] = "amd64", ["operatingSystem"] = "linux" },
                },
            };
        }
    }
}
