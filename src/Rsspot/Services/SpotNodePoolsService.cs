using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Spot (auction-priced) node pools of the client's organization.</summary>
public class SpotNodePoolsService : SpotService
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected SpotNodePoolsService()
    {
    }

    internal SpotNodePoolsService(SpotContext context)
        : base(context, "spotnodepools")
    {
    }

    /// <summary>Spot pools of the organization, or of one cloudspace.</summary>
    public virtual async Task<IReadOnlyList<SpotNodePool>> ListAsync(string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        var list = await CallAsync(
            "list spot node pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.GetAsync(selector is null ? null : c => c.QueryParameters.LabelSelector = selector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<SpotNodePool> List(string? cloudspace = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListAsync(cloudspace, cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="SpotNodePoolSummary"/> per pool, ordered by cloudspace, server class and name.</summary>
    public virtual async Task<IReadOnlyList<SpotNodePoolSummary>> ListSummariesAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cloudspace, cancellationToken).ConfigureAwait(false)).Select(SpotNodePoolSummary.From)
            .OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public virtual IReadOnlyList<SpotNodePoolSummary> ListSummaries(string? cloudspace = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListSummariesAsync(cloudspace, cancellationToken: cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One spot pool by name.</summary>
    public virtual async Task<SpotNodePool> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"get spot node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"spot node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public virtual SpotNodePool Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken: cancellationToken), nameof(GetAsync));

    /// <summary>Creates a spot pool in an existing cloudspace.</summary>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    public virtual async Task<SpotNodePool> CreateAsync(SpotNodePoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await PostAsync(Context, ns, request.ToModel(ns), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    public virtual SpotNodePool Create(SpotNodePoolRequest request, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => CreateAsync(request, cancellationToken: cancellationToken), nameof(CreateAsync));

    /// <summary>Changes a spot pool (desired count, bid, autoscaling, node metadata) with a merge patch.</summary>
    public virtual async Task<SpotNodePool> UpdateAsync(string name, NodePoolUpdate update, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        ArgumentNullException.ThrowIfNull(update);
        var patch = update.ToSpotPatch();
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"update spot node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].PatchAsync(patch, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"spot node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    public virtual SpotNodePool Update(string name, NodePoolUpdate update, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => UpdateAsync(name, update, cancellationToken: cancellationToken), nameof(UpdateAsync));

    /// <summary>Deletes a spot pool.</summary>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"delete spot node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken: cancellationToken), nameof(DeleteAsync));

    internal static async Task<SpotNodePool> PostAsync(SpotContext context, string ns, SpotNodePool body, CancellationToken cancellationToken) =>
        await ApiCall.RunAsync(
            context,
            $"create spot node pool \"{body.Metadata?.Name}\" ({body.Spec?.ServerClass} in cloudspace \"{body.Spec?.CloudSpace}\")",
            ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.PostAsync(body, cancellationToken: ct),
            cancellationToken,
            context.Operation("spotnodepools", "create")).ConfigureAwait(false) ?? body;
}

/// <summary>On-demand (fixed-price) node pools of the client's organization.</summary>
public class OnDemandNodePoolsService : SpotService
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected OnDemandNodePoolsService()
    {
    }

    internal OnDemandNodePoolsService(SpotContext context)
        : base(context, "ondemandnodepools")
    {
    }

    /// <summary>On-demand pools of the organization, or of one cloudspace.</summary>
    public virtual async Task<IReadOnlyList<OnDemandNodePool>> ListAsync(string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        var list = await CallAsync(
            "list on-demand node pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools.GetAsync(selector is null ? null : c => c.QueryParameters.LabelSelector = selector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<OnDemandNodePool> List(string? cloudspace = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListAsync(cloudspace, cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="OnDemandNodePoolSummary"/> per pool, ordered by cloudspace, server class and name.</summary>
    public virtual async Task<IReadOnlyList<OnDemandNodePoolSummary>> ListSummariesAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cloudspace, cancellationToken).ConfigureAwait(false)).Select(OnDemandNodePoolSummary.From)
            .OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public virtual IReadOnlyList<OnDemandNodePoolSummary> ListSummaries(string? cloudspace = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListSummariesAsync(cloudspace, cancellationToken: cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One on-demand pool by name.</summary>
    public virtual async Task<OnDemandNodePool> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"get on-demand node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"on-demand node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public virtual OnDemandNodePool Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken: cancellationToken), nameof(GetAsync));

    /// <summary>Creates an on-demand pool in an existing cloudspace.</summary>
    public virtual async Task<OnDemandNodePool> CreateAsync(OnDemandNodePoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await PostAsync(Context, ns, request.ToModel(ns), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    public virtual OnDemandNodePool Create(OnDemandNodePoolRequest request, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => CreateAsync(request, cancellationToken: cancellationToken), nameof(CreateAsync));

    /// <summary>Changes an on-demand pool (desired count, node metadata) with a merge patch.</summary>
    public virtual async Task<OnDemandNodePool> UpdateAsync(string name, NodePoolUpdate update, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        ArgumentNullException.ThrowIfNull(update);
        var patch = update.ToOnDemandPatch();
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"update on-demand node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].PatchAsync(patch, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"on-demand node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    public virtual OnDemandNodePool Update(string name, NodePoolUpdate update, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => UpdateAsync(name, update, cancellationToken: cancellationToken), nameof(UpdateAsync));

    /// <summary>Deletes an on-demand pool.</summary>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"delete on-demand node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken: cancellationToken), nameof(DeleteAsync));

    internal static async Task<OnDemandNodePool> PostAsync(SpotContext context, string ns, OnDemandNodePool body, CancellationToken cancellationToken) =>
        await ApiCall.RunAsync(
            context,
            $"create on-demand node pool \"{body.Metadata?.Name}\" ({body.Spec?.ServerClass} in cloudspace \"{body.Spec?.CloudSpace}\")",
            ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools.PostAsync(body, cancellationToken: ct),
            cancellationToken,
            context.Operation("ondemandnodepools", "create")).ConfigureAwait(false) ?? body;
}

/// <summary>Label selectors for node pools.</summary>
internal static class NodePoolSelectors
{
    public static string? ForCloudspace(string? cloudspace)
    {
        if (string.IsNullOrWhiteSpace(cloudspace))
        {
            return null;
        }

        SpotNames.EnsureCloudspaceName(cloudspace, "cloudspace");
        return $"{NodePoolModels.CloudspaceLabel}={cloudspace}";
    }
}
