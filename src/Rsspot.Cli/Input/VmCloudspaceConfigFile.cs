using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Security;

namespace Rsspot.Cli.Input;

/// <summary>
/// spotctl's VM cloudspace config file (<c>--config</c>, .yaml/.yml/.json):
/// <c>{vmCloudSpace: {name, org, region, vmSshKeyRef: {name, namespace}, webhook}, vmPools: [{name, serverClass,
/// bidPrice, desired, poolType, vmImage, vmUserData}]}</c>.
/// </summary>
internal sealed record VmCloudspaceConfigFile(
    string? Name,
    string? Org,
    string? Region,
    string? SshKey,
    string? SshKeyNamespace,
    string? Webhook,
    IReadOnlyList<Dictionary<string, string>> Pools)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static VmCloudspaceConfigFile Load(string path, string flag)
    {
        if (!Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"{flag}: '{path}' must be a .yaml, .yml or .json file.");
        }

        JsonObject root;
        try
        {
            root = StructuredText.Parse(BoundedFile.ReadAllText(path)) as JsonObject ?? throw new CliUsageException($"{flag}: '{path}' is not a YAML/JSON mapping.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or YamlDotNet.Core.YamlException)
        {
            throw new CliUsageException($"{flag}: cannot read '{path}' ({ex.Message}).", ex);
        }

        var cs = root["vmCloudSpace"] as JsonObject ?? throw new CliUsageException($"{flag}: '{path}' has no 'vmCloudSpace' mapping.");
        var pools = new List<Dictionary<string, string>>();
        if (root["vmPools"] is JsonArray list)
        {
            foreach (var item in list)
            {
                pools.Add(PoolSpecs.FromObject(item as JsonObject ?? throw new CliUsageException($"{flag}: every entry of 'vmPools' must be a mapping."), flag));
            }
        }
        else if (root["vmPools"] is not null)
        {
            throw new CliUsageException($"{flag}: 'vmPools' must be a list.");
        }

        return new VmCloudspaceConfigFile(
            Text(cs["name"]),
            Text(cs["org"]),
            Text(cs["region"]),
            Text(cs["vmSshKeyRef"]?["name"]),
            Text(cs["vmSshKeyRef"]?["namespace"]),
            Text(cs["webhook"]),
            pools);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;
}
