using Rsspot.Generated.Api;
using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>On-demand (fixed-price) pools.</summary>
internal sealed class OnDemandPoolKind() : NodePoolKind<OnDemandNodePool, OnDemandNodePoolSummary, OnDemandNodePoolRequest>("ondemandnodepools", "on-demand node pool")
{
    public static OnDemandPoolKind Instance { get; } = new();

    public override async Task<List<OnDemandNodePool>?> ListAsync(SpotApiClient api, string ns, string? labelSelector, CancellationToken cancellationToken) =>
        (await api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools.GetAsync(labelSelector is null ? null : c => c.QueryParameters.LabelSelector = labelSelector, cancellationToken).ConfigureAwait(false))?.Items;

    public override Task<OnDemandNodePool?> GetAsync(SpotApiClient api, string ns, string name, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].GetAsync(cancellationToken: cancellationToken);

    public override Task<OnDemandNodePool?> PatchAsync(SpotApiClient api, string ns, string name, OnDemandNodePool patch, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].PatchAsync(patch, cancellationToken: cancellationToken);

    public override Task<Status?> DeleteAsync(SpotApiClient api, string ns, string name, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools[name].DeleteAsync(cancellationToken: cancellationToken);

    public override OnDemandNodePool ToModel(OnDemandNodePoolRequest request, string ns) => request.ToModel(ns);

    public override OnDemandNodePool ToPatch(NodePoolUpdate update) => update.ToOnDemandPatch();

    public override OnDemandNodePoolSummary Summarize(OnDemandNodePool pool) => OnDemandNodePoolSummary.From(pool);

    public override (string? Cloudspace, string? ServerClass, string Name) Identify(OnDemandNodePoolSummary summary) => (summary.Cloudspace, summary.ServerClass, summary.Name);

    protected override Task<OnDemandNodePool?> PostAsync(SpotApiClient api, string ns, OnDemandNodePool body, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools.PostAsync(body, cancellationToken: cancellationToken);
}
