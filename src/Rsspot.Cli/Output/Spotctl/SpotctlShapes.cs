using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Output.Python;

namespace Rsspot.Cli.Output.Spotctl;

/// <summary>
/// spotctl's output shapes: it prints the Go SDK's user-facing structs (spot-go-sdk api/v1/types.go) encoded as
/// JSON, so keys are the structs' JSON names, fields tagged <c>omitempty</c> are left out when empty, prices carry a
/// <c>$</c> and lists are bare arrays (server classes come wrapped in <c>{"serverClasses": [...]}</c>).
/// </summary>
internal static class SpotctlShapes
{
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary><c>Region{name, description}</c>.</summary>
    public static JsonObject Region(JsonNode region) => Compact(new JsonObject
    {
        ["name"] = Text(region, "metadata.name") ?? string.Empty,
        ["description"] = Text(region, "spec.description"),
    });

    /// <summary><c>Organization{name, id}</c>.</summary>
    public static JsonObject Organization(string name, string id) => new() { ["name"] = name, ["id"] = id };

    /// <summary><c>ServerClassList{serverClasses}</c>.</summary>
    public static JsonObject ServerClasses(IEnumerable<JsonNode> classes) => new() { ["serverClasses"] = new JsonArray([.. classes.Select(c => (JsonNode)ServerClass(c))]) };

    /// <summary><c>ServerClass</c> with <c>$</c> prices and <c>resources{cpu, memory, gpu}</c>.</summary>
    public static JsonObject ServerClass(JsonNode serverClass) => Compact(new JsonObject
    {
        ["name"] = Text(serverClass, "metadata.name") ?? string.Empty,
        ["category"] = Text(serverClass, "spec.category"),
        ["availability"] = Text(serverClass, "spec.availability"),
        ["displayName"] = Text(serverClass, "spec.displayName"),
        ["region"] = Text(serverClass, "spec.region"),
        ["minBidPricePerHour"] = PythonShapes.Dollar(PythonShapes.At(serverClass, "spec.minBidPricePerHour")),
        ["currentMarketPricePerHour"] = PythonShapes.Dollar(PythonShapes.At(serverClass, "status.spotPricing.marketPricePerHour")),
        ["onDemandPricePerHour"] = PythonShapes.Dollar(PythonShapes.At(serverClass, "spec.onDemandPricing.cost")),
        ["resources"] = Compact(new JsonObject
        {
            ["cpu"] = Text(serverClass, "spec.resources.cpu") ?? string.Empty,
            ["memory"] = Text(serverClass, "spec.resources.memory") ?? string.Empty,
            ["gpu"] = Text(serverClass, "spec.resources.gpu"),
        }),
    });

    /// <summary><c>PriceDetails</c> of <c>pricing get --serverclass</c>.</summary>
    public static JsonObject PriceDetails(JsonNode serverClass) => new()
    {
        ["serverClassName"] = Text(serverClass, "metadata.name") ?? string.Empty,
        ["displayName"] = Text(serverClass, "spec.displayName") ?? string.Empty,
        ["category"] = Text(serverClass, "spec.category") ?? string.Empty,
        ["region"] = Text(serverClass, "spec.region") ?? string.Empty,
        ["currentMarketPrice"] = PythonShapes.Dollar(PythonShapes.At(serverClass, "status.spotPricing.marketPricePerHour")) ?? string.Empty,
        ["cpu"] = Text(serverClass, "spec.resources.cpu") ?? string.Empty,
        ["memory"] = Text(serverClass, "spec.resources.memory") ?? string.Empty,
    };

    /// <summary><c>CloudSpace</c>: name, org, creationTimestamp, settings, endpoint, servers, <c>status</c> (the phase) and <c>message</c> (the reason).</summary>
    public static JsonObject Cloudspace(JsonNode cloudspace, string org)
    {
        var servers = PythonShapes.At(cloudspace, "status.assignedServers") as JsonObject;
        return Compact(
            new JsonObject
            {
                ["name"] = Text(cloudspace, "metadata.name") ?? string.Empty,
                ["org"] = org,
                ["creationTimestamp"] = Time(cloudspace),
                ["cni"] = Text(cloudspace, "spec.cni"),
                ["deploymentType"] = Text(cloudspace, "spec.deploymentType"),
                ["gpuEnabled"] = PythonShapes.At(cloudspace, "spec.gpuEnabled") is JsonValue gpu && gpu.GetValueKind() == JsonValueKind.True ? true : null,
                ["kubernetesVersion"] = Text(cloudspace, "spec.kubernetesVersion"),
                ["region"] = Text(cloudspace, "spec.region"),
                ["preEmptionWebhookURL"] = Text(cloudspace, "spec.webhook"),
                ["apiServerEndpoint"] = Text(cloudspace, "status.APIServerEndpoint") ?? Text(cloudspace, "status.apiServerEndpoint"),
                ["assignedServers"] = servers is { Count: > 0 } ? new JsonObject(servers.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
                {
                    ["IP"] = Text(kv.Value, "IP") ?? string.Empty,
                    ["clusterRole"] = Text(kv.Value, "clusterRole") ?? string.Empty,
                    ["serverClassName"] = Text(kv.Value, "serverClassName") ?? string.Empty,
                    ["state"] = Text(kv.Value, "state") ?? string.Empty,
                }))) : null,
                ["status"] = Text(cloudspace, "status.phase"),
                ["message"] = Text(cloudspace, "status.reason"),
            },
            keep: "creationTimestamp");
    }

    /// <summary><c>SpotNodePool</c> (or, without a bid, <c>OnDemandNodePool</c>) as the Go SDK flattens it.</summary>
    public static JsonObject NodePool(JsonNode pool, string org, bool spot)
    {
        var autoscaling = PythonShapes.At(pool, "spec.autoscaling") as JsonObject;
        var json = new JsonObject
        {
            ["name"] = Text(pool, "metadata.name") ?? string.Empty,
            ["creationTimestamp"] = Time(pool),
            ["org"] = org,
            ["cloudspace"] = Text(pool, "spec.cloudSpace"),
            ["serverClass"] = Text(pool, "spec.serverClass"),
            ["desired"] = NonZero(PythonShapes.At(pool, "spec.desired")),
            ["wonCount"] = NonZero(PythonShapes.At(pool, spot ? "status.wonCount" : "status.reservedCount")),
            ["customAnnotations"] = NonEmpty(PythonShapes.At(pool, "spec.customAnnotations")),
            ["customLabels"] = NonEmpty(PythonShapes.At(pool, "spec.customLabels")),
            ["customTaints"] = NonEmpty(PythonShapes.At(pool, "spec.customTaints")),
        };
        var scaling = new JsonObject
        {
            ["enabled"] = autoscaling?["enabled"]?.DeepClone() ?? false,
            ["minNodes"] = autoscaling?["minNodes"]?.DeepClone() ?? 0,
            ["maxNodes"] = autoscaling?["maxNodes"]?.DeepClone() ?? 0,
        };
        if (spot)
        {
            json["autoscaling"] = scaling;
            json["bidPrice"] = Text(pool, "spec.bidPrice");
            json["status"] = Text(pool, "status.bidStatus");
        }
        else
        {
            json["autoscaling"] = scaling;
            json["status"] = Text(pool, "status.reservedStatus");
        }

        return Compact(json, keep: "creationTimestamp");
    }

    private static string Time(JsonNode node) => Text(node, "metadata.creationTimestamp") is { } at ? ApiTimestamps.Format(at) : ZeroTime;

    private static string? Text(JsonNode? node, string path) =>
        PythonShapes.At(node, path) switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } s ? s : null,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };

    private static JsonNode? NonZero(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.ToJsonString() != "0" ? v : null;

    private static JsonNode? NonEmpty(JsonNode? value) => value switch
    {
        JsonObject { Count: > 0 } or JsonArray { Count: > 0 } => value,
        _ => null,
    };

    // omitempty: empty strings and absent values are left out.
    private static JsonObject Compact(JsonObject json, string? keep = null)
    {
        foreach (var key in json.Where(kv => kv.Key != keep && kv.Value is null).Select(kv => kv.Key).ToList())
        {
            json.Remove(key);
        }

        return json;
    }
}
