using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Output.Python;

namespace Rsspot.Cli.Output.Spotctl;

/// <summary>
/// spotctl's shapes of the VM resources: the Go SDK's user-facing VMSSHKey, VMCloudSpace (with its pools joined in)
/// and VMPool structs (spot-go-sdk api/v1/types.go). Key lists come wrapped in <c>{"vmSshKeys": [...]}</c>, VM
/// cloudspaces in <c>{"vmCloudSpaces": [...]}</c>, and VM pools as a bare array (<c>null</c> when empty).
/// </summary>
internal static class SpotctlVmShapes
{
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary><c>{"vmSshKeys": [...]}</c>.</summary>
    public static JsonObject SshKeys(IEnumerable<JsonNode> keys, string org) =>
        new() { ["vmSshKeys"] = Array(keys.Select(k => (JsonNode)SshKey(k, org))) };

    /// <summary><c>VMSSHKey{name, creationTimestamp, org, publicKey, description, fingerprint, validated}</c>.</summary>
    public static JsonObject SshKey(JsonNode key, string org) => new()
    {
        ["name"] = Text(key, "metadata.name") ?? string.Empty,
        ["creationTimestamp"] = Time(key),
        ["org"] = org,
        ["publicKey"] = Text(key, "spec.publicKey") ?? string.Empty,
        ["description"] = Text(key, "spec.description") ?? string.Empty,
        ["fingerprint"] = Text(key, "status.fingerprint") ?? string.Empty,
        ["validated"] = PythonShapes.At(key, "status.validated") is JsonValue v && v.GetValueKind() == JsonValueKind.True,
    };

    /// <summary><c>{"vmCloudSpaces": [...]}</c>.</summary>
    public static JsonObject Cloudspaces(IEnumerable<JsonObject> cloudspaces) => new() { ["vmCloudSpaces"] = Array(cloudspaces) };

    /// <summary>
    /// <c>VMCloudSpace{name, org, creationTimestamp, region, webhook, vmSshKeyRef, vmPools, assignedServers, status,
    /// message, health}</c>: <c>status</c> is the phase and <c>message</c> the reason.
    /// </summary>
    public static JsonObject Cloudspace(JsonNode cloudspace, IEnumerable<JsonNode> pools, string org)
    {
        var servers = new JsonObject();
        if (PythonShapes.At(cloudspace, "status.assignedServers") is JsonObject assigned)
        {
            foreach (var (key, server) in assigned)
            {
                servers[key] = AssignedServer(server);
            }
        }

        return new JsonObject
        {
            ["name"] = Text(cloudspace, "metadata.name") ?? string.Empty,
            ["org"] = org,
            ["creationTimestamp"] = Time(cloudspace),
            ["region"] = Text(cloudspace, "spec.region") ?? string.Empty,
            ["webhook"] = Text(cloudspace, "spec.webhook") ?? string.Empty,
            ["vmSshKeyRef"] = new JsonObject
            {
                ["name"] = Text(cloudspace, "spec.vmSshKeyRef.name") ?? string.Empty,
                ["namespace"] = Text(cloudspace, "spec.vmSshKeyRef.namespace") ?? string.Empty,
            },
            ["vmPools"] = Array(pools.Select(p => (JsonNode)Pool(p, org))),
            ["assignedServers"] = servers,
            ["status"] = Text(cloudspace, "status.phase") ?? string.Empty,
            ["message"] = Text(cloudspace, "status.reason") ?? string.Empty,
            ["health"] = Text(cloudspace, "status.health") ?? string.Empty,
        };
    }

    /// <summary>A bare array of VM pools; JSON <c>null</c> when there are none, as a nil Go slice prints.</summary>
    public static JsonNode? Pools(IEnumerable<JsonNode> pools, string org)
    {
        var list = pools.Select(p => (JsonNode)Pool(p, org)).ToList();
        return list.Count == 0 ? null : new JsonArray([.. list]);
    }

    /// <summary><c>VMPool{name, creationTimestamp, org, vmCloudSpace, serverClass, desired, bidPrice, poolType, vmImage, vmUserData, wonCount, bidStatus}</c>.</summary>
    public static JsonObject Pool(JsonNode pool, string org) => new()
    {
        ["name"] = Text(pool, "metadata.name") ?? string.Empty,
        ["creationTimestamp"] = Time(pool),
        ["org"] = org,
        ["vmCloudSpace"] = Text(pool, "spec.vmCloudSpace") ?? string.Empty,
        ["serverClass"] = Text(pool, "spec.serverClass") ?? string.Empty,
        ["desired"] = Number(pool, "spec.desired"),
        ["bidPrice"] = Text(pool, "spec.bidPrice") ?? string.Empty,
        ["poolType"] = Text(pool, "spec.poolType") ?? string.Empty,
        ["vmImage"] = Text(pool, "spec.vmImage") ?? string.Empty,
        ["vmUserData"] = Text(pool, "spec.vmUserData") ?? string.Empty,
        ["wonCount"] = Number(pool, "status.wonCount"),
        ["bidStatus"] = Text(pool, "status.bidStatus") ?? string.Empty,
    };

    private static JsonObject AssignedServer(JsonNode? server)
    {
        var json = new JsonObject
        {
            ["ipAddress"] = Text(server, "ipAddress") ?? Text(server, "IP") ?? string.Empty,
            ["cpu"] = Text(server, "cpu") ?? string.Empty,
            ["memory"] = Text(server, "memory") ?? string.Empty,
            ["displayName"] = Text(server, "displayName") ?? string.Empty,
            ["serverClassName"] = Text(server, "serverClassName") ?? string.Empty,
            ["serverName"] = Text(server, "serverName") ?? string.Empty,
            ["serverType"] = Text(server, "serverType") ?? string.Empty,
            ["nodePoolName"] = Text(server, "nodePoolName") ?? string.Empty,
            ["state"] = Text(server, "state") ?? string.Empty,
        };
        if (Text(server, "error") is { } error)
        {
            json["error"] = error;
        }

        return json;
    }

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    private static JsonNode Number(JsonNode node, string path) =>
        PythonShapes.At(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.DeepClone() : JsonValue.Create(0);

    private static string Time(JsonNode node) => Text(node, "metadata.creationTimestamp") is { } at ? ApiTimestamps.Format(at) : ZeroTime;

    private static string? Text(JsonNode? node, string path) =>
        PythonShapes.At(node, path) switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } s ? s : null,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
}
