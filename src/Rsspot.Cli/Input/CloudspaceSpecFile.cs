using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Security;
using Rsspot.Services;

namespace Rsspot.Cli.Input;

/// <summary>
/// A cloudspace spec file (YAML or JSON), like spotctl's:
/// <code>
/// name: demo
/// region: us-central-dfw-1
/// kubernetesVersion: 1.31.1
/// cni: calico
/// haControlPlane: false
/// spotNodePools:
///   - {serverClass: gp.vs1.medium-dfw, desired: 2, bidPrice: 0.08}
/// onDemandNodePools:
///   - {serverClass: gp.vs1.large-dfw, desired: 1}
/// </code>
/// Keys match in any case with '-' and '_' ignored. The file is checked against the format's JSON Schema
/// (<see cref="CloudspaceSpecSchema"/>), YAML scalars typed by the YAML 1.2 core schema: an unknown key is an error
/// naming the nearest valid one, a wrong value one naming the key and what it should be.
/// </summary>
internal sealed record CloudspaceSpecFile(
    string? Name,
    string? Region,
    string? KubernetesVersion,
    string? Cni,
    bool? HighAvailability,
    string? Webhook,
    string? DeploymentType,
    string? Cloud,
    IReadOnlyList<Dictionary<string, string>> SpotPools,
    IReadOnlyList<Dictionary<string, string>> OnDemandPools)
{
    private string Flag { get; init; } = "--file";

    /// <summary>Reads the spec at <paramref name="path"/>; errors name <paramref name="flag"/> as the user typed it.</summary>
    public static CloudspaceSpecFile Load(string path, string flag)
    {
        JsonObject root;
        try
        {
            root = StructuredText.Parse(BoundedFile.ReadAllText(path)) as JsonObject ?? throw new CliUsageException($"{flag}: '{path}' is not a YAML/JSON mapping.");
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new CliUsageException($"{flag}: '{path}' is not valid YAML/JSON at line {ex.Start.Line}: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new CliUsageException($"{flag}: '{path}' is refused: {ex.Message}. A cloudspace spec is a small mapping (name, region, pools).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{flag}: {ex.Message}; give the path of a YAML or JSON spec file.", ex);
        }

        return FromMapping(root, flag, $"{flag}: '{path}'");
    }

    /// <summary>One spec mapping (a document of a file); <paramref name="source"/> starts every complaint.</summary>
    public static CloudspaceSpecFile FromMapping(JsonObject root, string flag, string source)
    {
        var fields = CloudspaceSpecSchema.Shipped.Check(root, source);

        // The Kubernetes shape too (metadata.name, spec.*); keys at the top win.
        if (fields["spec"] is JsonObject spec)
        {
            foreach (var (key, value) in spec)
            {
                if (!fields.ContainsKey(key))
                {
                    fields[key] = value?.DeepClone();
                }
            }
        }

        return new CloudspaceSpecFile(
            Text(fields["name"]) ?? Text(fields["metadata"]?["name"]),
            Text(fields["region"]),
            Text(fields["kubernetesVersion"]),
            Text(fields["cni"]),
            Bool(fields["haControlPlane"]) ?? Bool(fields["ha"]),
            Text(fields["webhook"]) ?? Text(fields["preemptionWebhookUrl"]),
            Text(fields["deploymentType"]),
            Text(fields["cloud"]),
            Pools(fields["spotNodePools"] ?? fields["spotPools"], flag),
            Pools(fields["onDemandNodePools"] ?? fields["onDemandPools"], flag)) { Flag = flag };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    // The schema has made each of these a list of mappings.
    private static List<Dictionary<string, string>> Pools(JsonNode? node, string flag) =>
        node is JsonArray array ? [.. array.OfType<JsonObject>().Select(pool => PoolSpecs.FromObject(pool, flag))] : [];

    /// <summary>The create request of this file, with flags (non-null arguments) winning over the file.</summary>
    public CloudspaceCreateRequest ToRequest(string name, string region) => new(name, region)
    {
        KubernetesVersion = KubernetesVersion,
        Cni = Cni,
        HighAvailability = HighAvailability,
        Webhook = Webhook,
        DeploymentType = DeploymentType,
        Cloud = Cloud,
        SpotPools = [.. SpotPools.Select(p => PoolSpecs.Spot(p, name, Flag))],
        OnDemandPools = [.. OnDemandPools.Select(p => PoolSpecs.OnDemand(p, name, Flag))],
    };
}
