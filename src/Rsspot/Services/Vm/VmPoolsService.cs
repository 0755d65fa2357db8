using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>
/// VM pools of the client's organization: machines of one server class in a VM cloudspace, won with a bid. Every
/// bid is refused above its class's <see cref="Pricing.BidCeiling"/> before it is sent.
/// </summary>
public class VmPoolsService : SpotService
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected VmPoolsService()
    {
    }

    internal VmPoolsService(SpotContext context)
        : base(context, "vmpools")
    {
    }

    /// <summary>VM pools of the organization, or of one VM cloudspace (by its label).</summary>
    /// <param name="vmCloudspace">The VM cloudspace, or null for every pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<VmPool>> ListAsync(string? vmCloudspace = null, CancellationToken cancellationToken = default)
    {
        var selector = string.IsNullOrWhiteSpace(vmCloudspace) ? null : VmNames.PoolSelector(vmCloudspace);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var list = await CallAsync(
            "list VM pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmpools.GetAsync(selector is null ? null : c => c.QueryParameters.LabelSelector = selector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    /// <param name="vmCloudspace">The VM cloudspace, or null for every pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<VmPool> List(string? vmCloudspace = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListAsync(vmCloudspace, cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one row per pool, ordered by VM cloudspace, server class and name.</summary>
    /// <param name="vmCloudspace">The VM cloudspace, or null for every pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<VmPoolSummary>> ListSummariesAsync(string? vmCloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(vmCloudspace, cancellationToken).ConfigureAwait(false)).Select(VmPoolSummary.From)
            .OrderBy(p => p.VmCloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    /// <param name="vmCloudspace">The VM cloudspace, or null for every pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<VmPoolSummary> ListSummaries(string? vmCloudspace = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListSummariesAsync(vmCloudspace, cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One VM pool by name.</summary>
    /// <param name="name">The pool name (a lower-case UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<VmPool> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        VmNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"get VM pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmpools[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"VM pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmPool Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken), nameof(GetAsync));

    /// <summary>Creates a VM pool in an existing VM cloudspace.</summary>
    /// <param name="request">The pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid or its class does not exist (nothing was sent).</exception>
    /// <exception cref="BidCeilingException">The bid is above the class's ceiling (nothing was sent).</exception>
    public virtual async Task<VmPool> CreateAsync(VmPoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var body = request.ToModel(ns);
        await SpotPoolChecks.EnsureAsync(Context, request.ServerClass, request.BidPrice, request.MaxBid, request.Desired, cancellationToken).ConfigureAwait(false);
        return await PostAsync(Context, ns, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmPool Create(VmPoolRequest request, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => CreateAsync(request, cancellationToken), nameof(CreateAsync));

    /// <summary>Changes a VM pool's machine count and bid with a merge patch.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="BidCeilingException">The new bid is above the pool's class's ceiling (nothing was sent).</exception>
    public virtual async Task<VmPool> UpdateAsync(string name, VmPoolUpdate update, CancellationToken cancellationToken = default)
    {
        VmNames.EnsurePoolName(name);
        ArgumentNullException.ThrowIfNull(update);
        var patch = update.ToPatch();
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        if (update.BidPrice is { } bid)
        {
            var current = await GetAsync(name, cancellationToken).ConfigureAwait(false);
            var serverClass = current.Spec?.ServerClass is { Length: > 0 } found
                ? found
                : throw new SpotException($"VM pool \"{name}\" names no server class, so its new bid cannot be checked against a ceiling; nothing was sent.");
            await SpotPoolChecks.EnsureAsync(Context, serverClass, bid, update.MaxBid, update.Desired, cancellationToken).ConfigureAwait(false);
        }

        return await CallAsync(
            $"update VM pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmpools[name].PatchAsync(patch, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"VM pool \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmPool Update(string name, VmPoolUpdate update, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => UpdateAsync(name, update, cancellationToken), nameof(UpdateAsync));

    /// <summary>Deletes a VM pool (its machines go with it).</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        VmNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"delete VM pool \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmpools[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken), nameof(DeleteAsync));

    /// <summary>
    /// The bid ceiling of a server class for VM pools: its on-demand price (or 3 × its market price when that is
    /// unknown); <paramref name="maxBid"/> (else the profile's <c>max_bid</c>) replaces it.
    /// </summary>
    /// <param name="serverClass">The class name.</param>
    /// <param name="maxBid">An explicit ceiling, or null for the default.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public virtual async Task<Pricing.BidCeiling> GetBidCeilingAsync(string serverClass, decimal? maxBid = null, CancellationToken cancellationToken = default) =>
        (await SpotPoolChecks.ReadAsync(Context, serverClass, maxBid, cancellationToken).ConfigureAwait(false)).Ceiling;

    /// <summary>Blocking form of <see cref="GetBidCeilingAsync"/>.</summary>
    /// <param name="serverClass">The class name.</param>
    /// <param name="maxBid">An explicit ceiling, or null for the default.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public virtual Pricing.BidCeiling GetBidCeiling(string serverClass, decimal? maxBid = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => GetBidCeilingAsync(serverClass, maxBid, cancellationToken), nameof(GetBidCeilingAsync));

    internal static async Task<VmPool> PostAsync(SpotContext context, string ns, VmPool body, CancellationToken cancellationToken) =>
        await ApiCall.RunAsync(
            context,
            $"create VM pool \"{body.Metadata?.Name}\" ({body.Spec?.ServerClass} in VM cloudspace \"{body.Spec?.VmCloudSpace}\")",
            ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmpools.PostAsync(body, cancellationToken: ct),
            cancellationToken,
            context.Operation("vmpools", "create")).ConfigureAwait(false) ?? body;
}
