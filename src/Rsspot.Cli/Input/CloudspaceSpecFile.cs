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
/// Keys match in any case with '-' and '_' ignored; an unknown key is an error naming the nearest valid one.
/// The format's JSON Schema (schemas/cloudspace-spec.schema.json, embedded) describes the same keys for editors; the
/// checks here are typed rather than schema-driven because YAML scalars are read as text (a schema's integer or
/// boolean would refuse <c>desired: 2</c>), and a test holds the two to the same verdicts.
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
    /// <summary>The keys a spec file may hold, at the top or under <c>spec</c> (Kubernetes shape).</summary>
    private static readonly string[] ValidKeys =
    [
        "name", "region", "kubernetesVersion", "cni", "haControlPlane", "ha", "webhook", "preemptionWebhookUrl",
        "deploymentType", "cloud", "spotNodePools", "spotPools", "onDemandNodePools", "onDemandPools",
        "apiVersion", "kind", "metadata", "spec", "$schema",
    ];

    private string Flag { get; init; } = "--file";

    /// <summary>The JSON Schema of this format, as shipped in the tool.</summary>
    public static string Schema()
    {
        using var stream = typeof(CloudspaceSpecFile).Assembly.GetManifestResourceStream("Rsspot.Cli.cloudspace-spec.schema.json")
            ?? throw new InvalidOperationException("The cloudspace spec schema is missing from this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

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

        RejectUnknown(root, path, flag);
        var fields = root.ToDictionary(kv => KeyValues.NormalizeKey(kv.Key), kv => kv.Value, StringComparer.Ordinal);

        // Accept the Kubernetes shape too (metadata.name, spec.*).
        if (fields.GetValueOrDefault("spec") is JsonObject spec)
        {
            RejectUnknown(spec, path, flag);
            foreach (var (key, value) in spec)
            {
                fields.TryAdd(KeyValues.NormalizeKey(key), value);
            }
        }

        var name = Text(fields, "name") ?? JsonNodeText((fields.GetValueOrDefault("metadata") as JsonObject)?["name"]);
        return new CloudspaceSpecFile(
            name,
            Text(fields, "region"),
            Text(fields, "kubernetesversion"),
            Text(fields, "cni"),
            Bool(fields, "hacontrolplane", flag) ?? Bool(fields, "ha", flag),
            Text(fields, "webhook") ?? Text(fields, "preemptionwebhookurl"),
            Text(fields, "deploymenttype"),
            Text(fields, "cloud"),
            Pools(fields, flag, "spotnodepools", "spotpools"),
            Pools(fields, flag, "ondemandnodepools", "ondemandpools")) { Flag = flag };
    }

    private static void RejectUnknown(JsonObject obj, string path, string flag)
    {
        var valid = ValidKeys.Select(KeyValues.NormalizeKey).ToHashSet(StringComparer.Ordinal);
        foreach (var key in obj.Select(kv => kv.Key).Where(k => !valid.Contains(KeyValues.NormalizeKey(k))))
        {
            throw new CliUsageException($"{flag}: '{path}' has an {NearestKey.Describe(key, ValidKeys)}");
        }
    }

    private static string? Text(Dictionary<string, JsonNode?> fields, string key) => JsonNodeText(fields.GetValueOrDefault(key));

    private static string? JsonNodeText(JsonNode? node) => node is JsonValue value ? value.ToString() : null;

    private static bool? Bool(Dictionary<string, JsonNode?> fields, string key, string flag) => Text(fields, key) switch
    {
        null => null,
        var t when bool.TryParse(t, out var b) => b,
        var t => throw new CliUsageException($"{flag}: {key} '{t}' is not true or false."),
    };

    private static List<Dictionary<string, string>> Pools(Dictionary<string, JsonNode?> fields, string flag, params string[] keys)
    {
        var node = keys.Select(k => fields.GetValueOrDefault(k)).FirstOrDefault(n => n is not null);
        return node switch
        {
            null => [],
            JsonArray array => [.. array.Select(item => item is JsonObject obj ? PoolSpecs.FromObject(obj, flag) : throw new CliUsageException($"{flag}: each entry of {keys[0]} must be a mapping."))],
            _ => throw new CliUsageException($"{flag}: {keys[0]} must be a list."),
        };
    }

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
