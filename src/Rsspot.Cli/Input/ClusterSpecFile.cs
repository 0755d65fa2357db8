using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Apply;
using Rsspot.Cli.Infrastructure;
using Rsspot.Security;
using Rsspot.Services;

namespace Rsspot.Cli.Input;

/// <summary>
/// A clusters-as-code file for <c>rsspot apply|diff|delete -f</c>: one or more cloudspace specs (the format of
/// <see cref="CloudspaceSpecFile"/>, one per YAML document, documents separated by <c>---</c>), each pool with a
/// <c>key</c> that matches it to the pool that exists; <c>bidPrice: guard</c> hands a spot pool's bid to the bid guard.
/// </summary>
internal static class ClusterSpecFile
{
    /// <summary>The specs of the file at <paramref name="path"/>; errors name <paramref name="flag"/> and the document.</summary>
    /// <param name="path">The file.</param>
    /// <param name="flag">The flag as typed.</param>
    /// <param name="defaultRegion">The region of a document that names none (the profile's), or null to require one.</param>
    public static IReadOnlyList<CloudspaceSpec> Load(string path, string flag, string? defaultRegion)
    {
        string text;
        try
        {
            text = BoundedFile.ReadAllText(path);
        }
        catch (InvalidDataException ex)
        {
            throw new CliUsageException($"{flag}: '{path}' is refused: {ex.Message}. A clusters-as-code file is a few small mappings (name, region, pools).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{flag}: {ex.Message}; give the path of a YAML or JSON spec file.", ex);
        }

        return FromText(text, flag, $"{flag}: '{path}'", defaultRegion);
    }

    /// <summary>The specs of <paramref name="text"/>; <paramref name="source"/> (e.g. <c>--file: 'a.yaml'</c>) starts every complaint.</summary>
    public static IReadOnlyList<CloudspaceSpec> FromText(string text, string flag, string source, string? defaultRegion)
    {
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = StructuredText.ParseAll(text);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new CliUsageException($"{source} is not valid YAML/JSON at line {ex.Start.Line}: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new CliUsageException($"{source} is refused: {ex.Message}. A clusters-as-code file is a few small mappings (name, region, pools).", ex);
        }

        if (documents.Count == 0)
        {
            throw new CliUsageException($"{source} has no cloudspace in it; write one YAML mapping (name, region, pools) per cloudspace.");
        }

        var specs = new List<CloudspaceSpec>();
        for (var i = 0; i < documents.Count; i++)
        {
            var where = documents.Count == 1 ? source : $"{source} (document {i + 1})";
            var root = documents[i] as JsonObject ?? throw new CliUsageException($"{where}: is not a YAML/JSON mapping.");
            specs.Add(ToSpec(CloudspaceSpecFile.FromMapping(root, flag, where), where, defaultRegion));
        }

        var twice = specs.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? specs : throw new CliUsageException($"{source} names cloudspace '{twice.Key}' twice; write each cloudspace once.");
    }

    private static CloudspaceSpec ToSpec(CloudspaceSpecFile file, string source, string? defaultRegion)
    {
        var name = file.Name ?? throw new CliUsageException($"{source}: 'name' is required (the cloudspace name).");
        var region = file.Region ?? defaultRegion ?? throw new CliUsageException($"{source}: cloudspace '{name}' needs 'region' (or a profile with a region).");
        return new CloudspaceSpec(name, region)
        {
            KubernetesVersion = file.KubernetesVersion,
            Cni = file.Cni,
            HighAvailability = file.HighAvailability,
            Webhook = file.Webhook,
            DeploymentType = file.DeploymentType,
            Cloud = file.Cloud,
            SpotPools = [.. file.SpotPools.Select((p, i) => Spot(p, $"{source}: spotNodePools[{i}]"))],
            OnDemandPools = [.. file.OnDemandPools.Select((p, i) => OnDemand(p, $"{source}: onDemandNodePools[{i}]"))],
        };
    }

    private static SpotPoolSpec Spot(IReadOnlyDictionary<string, string> fields, string source)
    {
        var (key, serverClass) = Identity(fields, source);
        var bidText = fields.GetValueOrDefault("bidprice") ?? throw new CliUsageException($"{source}: 'bidPrice' is required (USD per node-hour, or guard).");
        decimal? bid = null;
        if (!string.Equals(bidText.Trim(), "guard", StringComparison.Ordinal))
        {
            try
            {
                bid = BidPrice.Parse(bidText);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"{source}: bidPrice='{bidText}' is invalid: {FlagNames.PlainMessage(ex)}", ex);
            }
        }

        var min = Count(fields, "min", source);
        var max = Count(fields, "max", source);
        if (min > max)
        {
            throw new CliUsageException($"{source}: min={min},max={max} is invalid; the autoscaling minimum must not exceed the maximum.");
        }

        return new SpotPoolSpec(key, serverClass)
        {
            BidPrice = bid,
            Desired = Count(fields, "desired", source),
            Autoscaling = min is not null || max is not null ? new AutoscalingRange(min ?? max!.Value, max ?? min!.Value) : null,
        };
    }

    private static OnDemandPoolSpec OnDemand(IReadOnlyDictionary<string, string> fields, string source)
    {
        var (key, serverClass) = Identity(fields, source);
        return new OnDemandPoolSpec(key, serverClass) { Desired = Count(fields, "desired", source) };
    }

    private static (string Key, string ServerClass) Identity(IReadOnlyDictionary<string, string> fields, string source)
    {
        if (fields.ContainsKey("name"))
        {
            throw new CliUsageException($"{source}: 'name' is not used here: pools are matched by their 'key', never by their generated names; remove 'name'.");
        }

        var key = fields.GetValueOrDefault("key") is { Length: > 0 } k
            ? k
            : throw new CliUsageException($"{source}: 'key' is required: a stable name of your choosing (e.g. key: workers) that matches the pool on the next apply.");
        var serverClass = fields.GetValueOrDefault("serverclass") ?? throw new CliUsageException($"{source}: 'serverClass' is required.");
        return (key, serverClass);
    }

    private static int? Count(IReadOnlyDictionary<string, string> fields, string key, string source)
    {
        if (!fields.TryGetValue(key, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= NodeLimits.MaxNodesPerPool
            ? value
            : throw new CliUsageException($"{source}: {key}='{text}' is invalid; give a whole number from 0 to {NodeLimits.MaxNodesPerPool}.");
    }
}
