using Rsspot.Generated.Api;
using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Spot (auction-priced) pools.</summary>
internal sealed class SpotPoolKind() : NodePoolKind<SpotNodePool, SpotNodePoolSummary, SpotNodePoolRequest>("spotnodepools", "spot node pool")
{
    public static SpotPoolKind Instance { get; } = new();

    public override async Task<List<SpotNodePool>?> ListAsync(SpotApiClient api, string ns, string? labelSelector, CancellationToken cancellationToken) =>
        (await api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.GetAsync(labelSelector is null ? null : c => c.QueryParameters.LabelSelector = labelSelector, cancellationToken).ConfigureAwait(false))?.Items;

    public override Task<SpotNodePool?> GetAsync(SpotApiClient api, string ns, string name, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].GetAsync(cancellationToken: cancellationToken);

    public override Task<SpotNodePool?> PatchAsync(SpotApiClient api, string ns, string name, SpotNodePool patch, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].PatchAsync(patch, cancellationToken: cancellationToken);

    public override Task<Status?> DeleteAsync(SpotApiClient api, string ns, string name, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].DeleteAsync(cancellationToken: cancellationToken);

    public override SpotNodePool ToModel(SpotNodePoolRequest request, string ns) => request.ToModel(ns);

    public override SpotNodePool ToPatch(NodePoolUpdate update) => update.ToSpotPatch();

    public override SpotNodePoolSummary Summarize(SpotNodePool pool) => SpotNodePoolSummary.From(pool);

    public override Task CheckCreateAsync(SpotContext context, SpotNodePoolRequest request, CancellationToken cancellationToken) =>
        SpotPoolChecks.EnsureAsync(context, request.ServerClass, request.BidPrice, request.MaxBid, Math.Max(request.Desired, request.Autoscaling?.MaxNodes ?? 0), cancellationToken);

    public override async Task CheckUpdateAsync(SpotContext context, string ns, string name, NodePoolUpdate update, CancellationToken cancellationToken)
    {
        if (update.BidPrice is null && update.Desired is null && update.Autoscaling is null)
        {
            return;
        }

        // The bid's ceiling is its class's: read the pool as it is now (past the cache) to learn the class.
        var pool = await ApiCall.RunAsync(
            context,
            $"get {Noun} \"{name}\"",
            ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools[name].GetAsync(c => c.Options.Add(Http.BypassCacheOption.Instance), ct),
            cancellationToken,
            context.Operation(Group, "get")).ConfigureAwait(false);
        if (pool is not null && AutopilotOwnership.ManagerOf(pool) is { } manager)
        {
            throw new SpotException($"Spot node pool \"{name}\" belongs to autopilot node pool \"{manager}\", which sets its bid and size itself; nothing was sent. Change the autopilot pool instead (its budget or vCPU target).");
        }

        if (pool?.Spec?.ServerClass is not { Length: > 0 } serverClass)
        {
            if (update.BidPrice is null)
            {
                return;
            }

            throw new SpotException($"The Spot API's answer for {Noun} \"{name}\" names no server class, so the bid's ceiling cannot be known; nothing was sent.");
        }

        int? nodes = update.Desired is null && update.Autoscaling is null ? null : Math.Max(update.Desired ?? 0, update.Autoscaling?.MaxNodes ?? 0);
        var (ceiling, found) = await SpotPoolChecks.ReadAsync(context, serverClass, update.MaxBid, cancellationToken).ConfigureAwait(false);
        if (update.BidPrice is decimal bid)
        {
            ceiling.Ensure(bid);
        }

        SpotPoolChecks.WarnAboveCapacity(context, found, serverClass, nodes);
    }

    public override (string? Cloudspace, string? ServerClass, string Name) Identify(SpotNodePoolSummary summary) => (summary.Cloudspace, summary.ServerClass, summary.Name);

    protected override Task<SpotNodePool?> PostAsync(SpotApiClient api, string ns, SpotNodePool body, CancellationToken cancellationToken) =>
        api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.PostAsync(body, cancellationToken: cancellationToken);
}
