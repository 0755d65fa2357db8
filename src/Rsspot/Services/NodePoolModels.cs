using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Shared pieces of node pool bodies.</summary>
internal static class NodePoolModels
{
    public const string ApiVersion = "ngpc.rxt.io/v1";
    public const string CloudspaceLabel = "ngpc.rxt.io/cloudspace";

    /// <summary>
    /// Checks what every new pool needs (its cloudspace, server class and node count) and returns its name: the one
    /// given, checked, or a new one.
    /// </summary>
    public static string NewPoolName(string cloudspace, string serverClass, string? name, int desired, int desiredMinimum)
    {
        SpotNames.EnsureCloudspaceName(cloudspace, "cloudspace");
        ArgumentException.ThrowIfNullOrWhiteSpace(serverClass, "serverClass");
        EnsureDesired(desired, desiredMinimum);
        var poolName = name ?? SpotNames.NewPoolName();
        SpotNames.EnsureNewPoolName(poolName);
        return poolName;
    }

    public static void EnsureDesired(int desired, int minimum)
    {
        if (desired < minimum || desired > NodeLimits.MaxNodesPerPool)
        {
            throw new ArgumentException($"Desired node count {desired} is invalid: it must be from {minimum} to {NodeLimits.MaxNodesPerPool} (a sane bound far above any server class's capacity).", "desired");
        }
    }

    public static ObjectMeta Metadata(string name, string ns, string cloudspace, IReadOnlyDictionary<string, string>? labels = null)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        all[CloudspaceLabel] = cloudspace;
        return new() { Name = name, Namespace = ns, Labels = ModelMaps.ToStringMap(all) };
    }

    public static List<Taint>? Taints(IReadOnlyList<NodeTaint>? taints)
    {
        if (taints is null)
        {
            return null;
        }

        foreach (var taint in taints)
        {
            taint.Validate();
        }

        return taints.Select(t => t.ToModel()).ToList();
    }
}
