using System.Globalization;
using Rsspot.Generated.Api.Models;
using Rsspot.Security;
using Rsspot.Services;

namespace Rsspot.Apply;

/// <summary>Compares one spec with what exists and lists the changes; reads nothing itself but the guard's bid of a new pool.</summary>
internal sealed class ApplyPlanner(ApplyOptions options, Func<string, CancellationToken, Task<decimal>> guardBid)
{
    /// <summary>The creates of a cloudspace that does not exist: the cloudspace, then each pool (created with it).</summary>
    public async Task<IReadOnlyList<ApplyChange>> CreateAsync(CloudspaceSpec spec, CancellationToken cancellationToken, ApplyAction action = ApplyAction.Create, string? reason = null)
    {
        var spotRequests = new List<SpotNodePoolRequest>();
        var pools = new List<ApplyChange>();
        foreach (var pool in spec.SpotPools)
        {
            var request = await SpotRequestAsync(spec.Name, pool, cancellationToken).ConfigureAwait(false);
            spotRequests.Add(request);
            pools.Add(new ApplyChange { Action = action, Target = ApplyTarget.SpotPool, Cloudspace = spec.Name, Key = pool.Key, Fields = SpotFields(request, pool), WithCloudspace = true });
        }

        var onDemandRequests = spec.OnDemandPools.Select(p => OnDemandRequest(spec.Name, p)).ToList();
        pools.AddRange(onDemandRequests.Select((request, i) => new ApplyChange
        {
            Action = action,
            Target = ApplyTarget.OnDemandPool,
            Cloudspace = spec.Name,
            Key = spec.OnDemandPools[i].Key,
            Fields = [new("serverClass", null, request.ServerClass), new("desired", null, Count(request.Desired))],
            WithCloudspace = true,
        }));

        var cloudspace = new ApplyChange
        {
            Action = action,
            Target = ApplyTarget.Cloudspace,
            Cloudspace = spec.Name,
            Reason = reason,
            Fields = CloudspaceFields(spec),
            CloudspaceRequest = new CloudspaceCreateRequest(spec.Name, spec.Region)
            {
                KubernetesVersion = spec.KubernetesVersion,
                Cni = spec.Cni,
                HighAvailability = spec.HighAvailability,
                Webhook = spec.Webhook,
                DeploymentType = spec.DeploymentType,
                Cloud = spec.Cloud,
                SpotPools = spotRequests,
                OnDemandPools = onDemandRequests,
            },
        };
        return [cloudspace, .. pools];
    }

    /// <summary>The changes that make an existing cloudspace and its pools match the spec.</summary>
    public async Task<IReadOnlyList<ApplyChange>> CompareAsync(CloudspaceSpec spec, CloudSpace existing, IReadOnlyList<SpotNodePool> spot, IReadOnlyList<OnDemandNodePool> onDemand, CancellationToken cancellationToken)
    {
        var fixedFields = new List<string>();
        Fixed("region", existing.Spec?.Region, spec.Region, fixedFields);
        Fixed("cni", existing.Spec?.Cni?.ToString(), spec.Cni, fixedFields);
        Fixed("deploymentType", existing.Spec?.DeploymentType?.ToString(), spec.DeploymentType, fixedFields);
        Fixed("cloud", existing.Spec?.Cloud, spec.Cloud, fixedFields);
        if (fixedFields.Count > 0)
        {
            return await CreateAsync(spec, cancellationToken, ApplyAction.Replace, Replaced(fixedFields, "cloudspace")).ConfigureAwait(false);
        }

        var changes = new List<ApplyChange>();
        var fields = new List<FieldChange>();
        var update = new CloudspaceUpdate();
        if (spec.KubernetesVersion is { } version && !string.Equals(version, existing.Spec?.KubernetesVersion, StringComparison.Ordinal))
        {
            fields.Add(new("kubernetesVersion", Clean(existing.Spec?.KubernetesVersion), version));
            update = update with { KubernetesVersion = version };
        }

        if (spec.HighAvailability is { } ha && ha != (existing.Spec?.HAControlPlane ?? false))
        {
            fields.Add(new("haControlPlane", Bool(existing.Spec?.HAControlPlane ?? false), Bool(ha)));
            update = update with { HighAvailability = ha };
        }

        if (spec.Webhook is { } webhook && !string.Equals(webhook, existing.Spec?.Webhook, StringComparison.Ordinal))
        {
            fields.Add(new("webhook", Clean(existing.Spec?.Webhook) ?? string.Empty, webhook));
            update = update with { Webhook = webhook };
        }

        if (fields.Count > 0)
        {
            changes.Add(new ApplyChange { Action = ApplyAction.Update, Target = ApplyTarget.Cloudspace, Cloudspace = spec.Name, Fields = fields, CloudspaceUpdate = update });
        }

        var spotByKey = ByKey(spot, p => p.Metadata);
        var onDemandByKey = ByKey(onDemand, p => p.Metadata);
        var wanted = new HashSet<string>(spec.SpotPools.Select(p => p.Key).Concat(spec.OnDemandPools.Select(p => p.Key)), StringComparer.Ordinal);
        if (options.Prune)
        {
            changes.AddRange(spotByKey.Where(kv => !wanted.Contains(kv.Key)).Select(kv => Prune(spec.Name, ApplyTarget.SpotPool, kv.Key, kv.Value.Metadata)));
            changes.AddRange(onDemandByKey.Where(kv => !wanted.Contains(kv.Key)).Select(kv => Prune(spec.Name, ApplyTarget.OnDemandPool, kv.Key, kv.Value.Metadata)));
        }

        foreach (var pool in spec.SpotPools)
        {
            if (spotByKey.TryGetValue(pool.Key, out var current))
            {
                changes.AddRange(await CompareSpotAsync(spec.Name, pool, current, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                var request = await SpotRequestAsync(spec.Name, pool, cancellationToken).ConfigureAwait(false);
                changes.Add(new ApplyChange { Action = ApplyAction.Create, Target = ApplyTarget.SpotPool, Cloudspace = spec.Name, Key = pool.Key, Fields = SpotFields(request, pool), SpotRequest = request });
            }
        }

        foreach (var pool in spec.OnDemandPools)
        {
            var request = OnDemandRequest(spec.Name, pool);
            if (!onDemandByKey.TryGetValue(pool.Key, out var current))
            {
                changes.Add(new ApplyChange
                {
                    Action = ApplyAction.Create,
                    Target = ApplyTarget.OnDemandPool,
                    Cloudspace = spec.Name,
                    Key = pool.Key,
                    Fields = [new("serverClass", null, request.ServerClass), new("desired", null, Count(request.Desired))],
                    OnDemandRequest = request,
                });
                continue;
            }

            var name = Clean(current.Metadata?.Name) ?? string.Empty;
            if (!string.Equals(current.Spec?.ServerClass, pool.ServerClass, StringComparison.Ordinal))
            {
                changes.Add(new ApplyChange
                {
                    Action = ApplyAction.Replace,
                    Target = ApplyTarget.OnDemandPool,
                    Cloudspace = spec.Name,
                    Key = pool.Key,
                    Name = name,
                    Reason = Replaced([$"serverClass {Clean(current.Spec?.ServerClass)} -> {pool.ServerClass}"], "pool"),
                    Fields = [new("serverClass", Clean(current.Spec?.ServerClass), pool.ServerClass)],
                    OnDemandRequest = request,
                });
                continue;
            }

            if (pool.Desired is { } desired && desired != current.Spec?.Desired)
            {
                changes.Add(new ApplyChange
                {
                    Action = ApplyAction.Update,
                    Target = ApplyTarget.OnDemandPool,
                    Cloudspace = spec.Name,
                    Key = pool.Key,
                    Name = name,
                    Fields = [new("desired", Count(current.Spec?.Desired), Count(desired))],
                    PoolUpdate = new NodePoolUpdate { Desired = desired },
                });
            }
        }

        return changes;
    }

    private async Task<IReadOnlyList<ApplyChange>> CompareSpotAsync(string cloudspace, SpotPoolSpec pool, SpotNodePool current, CancellationToken cancellationToken)
    {
        var summary = SpotNodePoolSummary.From(current);
        var name = Clean(summary.Name) ?? string.Empty;
        if (!string.Equals(summary.ServerClass, pool.ServerClass, StringComparison.Ordinal))
        {
            var request = await SpotRequestAsync(cloudspace, pool, cancellationToken).ConfigureAwait(false);
            return
            [
                new ApplyChange
                {
                    Action = ApplyAction.Replace,
                    Target = ApplyTarget.SpotPool,
                    Cloudspace = cloudspace,
                    Key = pool.Key,
                    Name = name,
                    Reason = Replaced([$"serverClass {Clean(summary.ServerClass)} -> {pool.ServerClass}"], "pool"),
                    Fields = SpotFields(request, pool),
                    SpotRequest = request,
                },
            ];
        }

        var fields = new List<FieldChange>();
        var update = new NodePoolUpdate { MaxBid = options.MaxBid };
        if (pool.Desired is { } desired && desired != summary.Desired)
        {
            fields.Add(new("desired", Count(summary.Desired), Count(desired)));
            update = update with { Desired = desired };
        }

        // A bid handed to the guard is the guard's to change; a number in the spec wins over any drift.
        if (pool.BidPrice is { } bid && bid != summary.BidPrice)
        {
            fields.Add(new("bidPrice", Clean(current.Spec?.BidPrice) ?? string.Empty, BidPrice.Format(bid)));
            update = update with { BidPrice = bid };
        }

        if (pool.Autoscaling != summary.Autoscaling)
        {
            fields.Add(new("autoscaling", summary.Autoscaling?.ToString() ?? "off", pool.Autoscaling?.ToString() ?? "off"));
            update = pool.Autoscaling is null ? update with { DisableAutoscaling = true } : update with { Autoscaling = pool.Autoscaling };
        }

        return fields.Count == 0
            ? []
            : [new ApplyChange { Action = ApplyAction.Update, Target = ApplyTarget.SpotPool, Cloudspace = cloudspace, Key = pool.Key, Name = name, Fields = fields, PoolUpdate = update }];
    }

    private async Task<SpotNodePoolRequest> SpotRequestAsync(string cloudspace, SpotPoolSpec pool, CancellationToken cancellationToken)
    {
        var bid = pool.BidPrice ?? await guardBid(pool.ServerClass, cancellationToken).ConfigureAwait(false);
        return new SpotNodePoolRequest(cloudspace, pool.ServerClass, bid)
        {
            Desired = pool.Desired ?? pool.Autoscaling?.MinNodes ?? 1,
            Autoscaling = pool.Autoscaling,
            MaxBid = options.MaxBid,
            PoolLabels = KeyLabel(pool.Key),
        };
    }

    private static OnDemandNodePoolRequest OnDemandRequest(string cloudspace, OnDemandPoolSpec pool) => new(cloudspace, pool.ServerClass)
    {
        Desired = pool.Desired ?? 1,
        PoolLabels = KeyLabel(pool.Key),
    };

    private static Dictionary<string, string> KeyLabel(string key) => new(StringComparer.Ordinal) { [ApplyService.PoolKeyLabel] = key };

    private static List<FieldChange> SpotFields(SpotNodePoolRequest request, SpotPoolSpec pool)
    {
        var fields = new List<FieldChange>
        {
            new("serverClass", null, request.ServerClass),
            new("desired", null, Count(request.Desired)),
            new("bidPrice", null, pool.BidPrice is null ? $"{BidPrice.Format(request.BidPrice)} (the guard's bid; the guard keeps it from now on)" : BidPrice.Format(request.BidPrice)),
        };
        if (request.Autoscaling is { } range)
        {
            fields.Add(new("autoscaling", null, range.ToString()));
        }

        return fields;
    }

    private static List<FieldChange> CloudspaceFields(CloudspaceSpec spec)
    {
        var fields = new List<FieldChange> { new("region", null, spec.Region) };
        void Add(string field, string? value)
        {
            if (value is not null)
            {
                fields.Add(new(field, null, value));
            }
        }

        Add("kubernetesVersion", spec.KubernetesVersion);
        Add("cni", spec.Cni);
        Add("haControlPlane", spec.HighAvailability is { } ha ? Bool(ha) : null);
        Add("webhook", spec.Webhook);
        Add("deploymentType", spec.DeploymentType);
        Add("cloud", spec.Cloud);
        return fields;
    }

    private static ApplyChange Prune(string cloudspace, ApplyTarget target, string key, ObjectMeta? metadata) => new()
    {
        Action = ApplyAction.Delete,
        Target = target,
        Cloudspace = cloudspace,
        Key = key,
        Name = Clean(metadata?.Name),
        Reason = "no longer in the spec (pruned)",
    };

    /// <summary>Pools by the key label; a key found twice (pools copied by hand) keeps the first, by name, so plans are stable.</summary>
    private static Dictionary<string, T> ByKey<T>(IReadOnlyList<T> pools, Func<T, ObjectMeta?> metadata)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var pool in pools.OrderBy(p => metadata(p)?.Name, StringComparer.Ordinal))
        {
            var labels = ModelMaps.ToDictionary(metadata(pool)?.Labels);
            if (labels.TryGetValue(ApplyService.PoolKeyLabel, out var key) && Clean(key) is { Length: > 0 } clean)
            {
                byKey.TryAdd(clean, pool);
            }
        }

        return byKey;
    }

    private static void Fixed(string field, string? current, string? wanted, List<string> changed)
    {
        if (wanted is not null && current is not null && !string.Equals(current, wanted, StringComparison.OrdinalIgnoreCase))
        {
            changed.Add($"{field} {Clean(current)} -> {wanted}");
        }
    }

    private static string Replaced(IEnumerable<string> fields, string what) =>
        $"needs replace: {string.Join(", ", fields)} cannot change in place; the {what} is deleted and created again";

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "unset";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Clean(string? text) => ServerText.Clean(text);
}
