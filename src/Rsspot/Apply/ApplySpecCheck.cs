using System.Text.RegularExpressions;
using Rsspot.Services;

namespace Rsspot.Apply;

/// <summary>The checks of a set of specs made before any read: names, keys (valid, unique per cloudspace), counts, bids.</summary>
internal static partial class ApplySpecCheck
{
    public static void Ensure(IReadOnlyList<CloudspaceSpec> specs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            ArgumentNullException.ThrowIfNull(spec, nameof(specs));
            SpotNames.EnsureCloudspaceName(spec.Name);
            ArgumentException.ThrowIfNullOrWhiteSpace(spec.Region, "region");
            if (!names.Add(spec.Name))
            {
                throw new ArgumentException($"Cloudspace '{spec.Name}' is listed twice; list each cloudspace once.", "name");
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, serverClass) in spec.SpotPools.Select(p => (p.Key, p.ServerClass)).Concat(spec.OnDemandPools.Select(p => (p.Key, p.ServerClass))))
            {
                if (key is null || !KeyPattern().IsMatch(key))
                {
                    throw new ArgumentException($"Pool key '{key}' of cloudspace '{spec.Name}' is invalid: use 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.", "key");
                }

                if (!keys.Add(key))
                {
                    throw new ArgumentException($"Pool key '{key}' is used twice in cloudspace '{spec.Name}'; each pool needs its own key.", "key");
                }

                ArgumentException.ThrowIfNullOrWhiteSpace(serverClass, "serverClass");
            }

            foreach (var pool in spec.SpotPools)
            {
                if (pool.BidPrice is { } bid)
                {
                    BidPrice.Ensure(bid, "bidPrice");
                }

                EnsureCount(pool.Desired, "desired");
                if (pool.Autoscaling is { } range && (range.MinNodes < 0 || range.MaxNodes < range.MinNodes || range.MaxNodes > NodeLimits.MaxNodesPerPool))
                {
                    throw new ArgumentException($"Autoscaling {range} of pool '{pool.Key}' is invalid: need 0 ≤ min ≤ max ≤ {NodeLimits.MaxNodesPerPool}.", "autoscaling");
                }
            }

            foreach (var pool in spec.OnDemandPools)
            {
                EnsureCount(pool.Desired, "desired");
            }
        }
    }

    private static void EnsureCount(int? count, string field)
    {
        if (count is < 0 || count > NodeLimits.MaxNodesPerPool)
        {
            throw new ArgumentException($"Desired node count {count} is invalid: it must be from 0 to {NodeLimits.MaxNodesPerPool}.", field);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();
}
