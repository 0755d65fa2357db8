using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Spot (auction-priced) node pools of the client's organization.</summary>
public sealed class SpotNodePoolsService : SpotService
{
    internal SpotNodePoolsService(SpotContext context)
        : base(context)
    {
    }

    /// <summary>Spot pools of the organization, or of one cloudspace.</summary>
    public async Task<IReadOnlyList<SpotNodePool>> ListAsync(string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        var list = await ApiCall.RunAsync(
            Context,
            "list spot node pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.GetAsync(selector is null ? null : c => c.QueryParameters.LabelSelector = selector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public IReadOnlyList<SpotNodePool> List(string? cloudspace = null) => SyncOverAsync.Run(() => ListAsync(cloudspace), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="SpotNodePoolSummary"/> per pool, ordered by cloudspace, server class and name.</summary>
    public async Task<IReadOnlyList<SpotNodePoolSummary>> ListSummariesAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cloudspace, cancellationToken).ConfigureAwait(false)).Select(SpotNodePoolSummary.From)
            .OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public IReadOnlyList<SpotNodePoolSummary> ListSummaries(string? cloudspace = null) => SyncOverAsync.Run(() => ListSummariesAsync(cloudspace), nameof(ListSummariesAsync));

    /// <summary>One spot pool by name.</summary>
    public async Task<SpotNodePool> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await ApiCall.RunAsync(
            Context,
            $"get spot node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"spot node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public SpotNodePool Get(string name) => SyncOverAsync.Run(() => GetAsync(name), nameof(GetAsync));

    /// <summary>Creates a spot pool in an existing cloudspace.</summary>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    public async Task<SpotNodePool> CreateAsync(SpotNodePoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await PostAsync(Context, ns, request.ToModel(ns), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    public SpotNodePool Create(SpotNodePoolRequest request) => SyncOverAsync.Run(() => CreateAsync(request), nameof(CreateAsync));

    /// <summary>Changes a spot pool (desired count, bid, autoscaling, node metadata) with a merge patch.</summary>
    public async Task<SpotNodePool> UpdateAsync(string name, NodePoolUpdate update, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        ArgumentNullException.ThrowIfNull(update);
        var patch = update.ToSpotPatch();
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await ApiCall.RunAsync(
            Context,
            $"update spot node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].PatchAsync(patch, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"spot node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    public SpotNodePool Update(string name, NodePoolUpdate update) => SyncOverAsync.Run(() => UpdateAsync(name, update), nameof(UpdateAsync));

    /// <summary>Deletes a spot pool.</summary>
    public async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await ApiCall.RunAsync(
            Context,
            $"delete spot node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    public Status? Delete(string name) => SyncOverAsync.Run(() => DeleteAsync(name), nameof(DeleteAsync));

    internal static async Task<SpotNodePool> PostAsync(SpotContext context, string ns, SpotNodePool body, CancellationToken cancellationToken) =>
        await ApiCall.RunAsync(
            context,
            $"create spot node pool \"{body.Metadata?.Name}\" ({body.Spec?.ServerClass} in cloudspace \"{body.Spec?.CloudSpace}\")",
            ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.PostAsync(body, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? body;
}

/// <summary>On-demand (fixed-price) node pools of the client's organization.</summary>
public sealed class OnDemandNodePoolsService : SpotService
{
    internal OnDemandNodePoolsService(SpotContext context)
        : base(context)
    {
    }

    /// <summary>On-demand pools of the organization, or of one cloudspace.</summary>
    public async Task<IReadOnlyList<OnDemandNodePool>> ListAsync(string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        var list = await ApiCall.RunAsync(
            Context,
            "list on-demand node pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools.GetAsync(selector is null ? null : c => c.QueryParameters.LabelSelector = selector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public IReadOnlyList<OnDemandNodePool> List(string? cloudspace = null) => SyncOverAsync.Run(() => ListAsync(cloudspace), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="OnDemandNodePoolSummary"/> per pool, ordered by cloudspace, server class and name.</summary>
    public async Task<IReadOnlyList<OnDemandNodePoolSummary>> ListSummariesAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cloudspace, cancellationToken).ConfigureAwait(false)).Select(OnDemandNodePoolSummary.From)
            .OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public IReadOnlyList<OnDemandNodePoolSummary> ListSummaries(string? cloudspace = null) => SyncOverAsync.Run(() => ListSummariesAsync(cloudspace), nameof(ListSummariesAsync));

    /// <summary>One on-demand pool by name.</summary>
    public async Task<OnDemandNodePool> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await ApiCall.RunAsync(
            Context,
            $"get on-demand node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"on-demand node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public OnDemandNodePool Get(string name) => SyncOverAsync.Run(() => GetAsync(name), nameof(GetAsync));

    /// <summary>Creates an on-demand pool in an existing cloudspace.</summary>
    public async Task<OnDemandNodePool> CreateAsync(OnDemandNodePoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await PostAsync(Context, ns, request.ToModel(ns), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    public OnDemandNodePool Create(OnDemandNodePoolRequest request) => SyncOverAsync.Run(() => CreateAsync(request), nameof(CreateAsync));

    /// <summary>Changes an on-demand pool (desired count, node metadata) with a merge patch.</summary>
    public async Task<OnDemandNodePool> UpdateAsync(string name, NodePoolUpdate update, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        ArgumentNullException.ThrowIfNull(update);
        var patch = update.ToOnDemandPatch();
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await ApiCall.RunAsync(
            Context,
            $"update on-demand node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].PatchAsync(patch, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"on-demand node pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    public OnDemandNodePool Update(string name, NodePoolUpdate update) => SyncOverAsync.Run(() => UpdateAsync(name, update), nameof(UpdateAsync));

    /// <summary>Deletes an on-demand pool.</summary>
    public async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await ApiCall.RunAsync(
            Context,
            $"delete on-demand node pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    public Status? Delete(string name) => SyncOverAsync.Run(() => DeleteAsync(name), nameof(DeleteAsync));

    internal static async Task<OnDemandNodePool> PostAsync(SpotContext context, string ns, OnDemandNodePool body, CancellationToken cancellationToken) =>
        await ApiCall.RunAsync(
            context,
            $"create on-demand node pool \"{body.Metadata?.Name}\" ({body.Spec?.ServerClass} in cloudspace \"{body.Spec?.CloudSpace}\")",
            ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools.PostAsync(body, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? body;
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
