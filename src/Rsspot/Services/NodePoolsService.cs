using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>
/// The operations both kinds of node pool share (list, get, create, update, delete), each in an async and a
/// blocking form. <see cref="SpotNodePoolsService"/> and <see cref="OnDemandNodePoolsService"/> are its two kinds.
/// </summary>
/// <typeparam name="TPool">The generated pool model.</typeparam>
/// <typeparam name="TSummary">The flattened row of one pool.</typeparam>
/// <typeparam name="TRequest">What a new pool needs.</typeparam>
public abstract class NodePoolsService<TPool, TSummary, TRequest> : SpotService
    where TPool : class
    where TSummary : class
    where TRequest : class
{
    private readonly NodePoolKind<TPool, TSummary, TRequest> _kind;

    private protected NodePoolsService()
    {
        _kind = null!;
    }

    private protected NodePoolsService(SpotContext context, NodePoolKind<TPool, TSummary, TRequest> kind)
        : base(context, kind.Group)
    {
        _kind = kind;
    }

    /// <summary>Pools of the organization, or of one cloudspace.</summary>
    public virtual async Task<IReadOnlyList<TPool>> ListAsync(string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        var list = await CallAsync($"list {_kind.Noun}s", ct => _kind.ListAsync(Context.Api, ns, selector, ct), cancellationToken).ConfigureAwait(false);
        return list ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<TPool> List(string? cloudspace = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListAsync(cloudspace, cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one row per pool, ordered by cloudspace, server class and name.</summary>
    public virtual async Task<IReadOnlyList<TSummary>> ListSummariesAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cloudspace, cancellationToken).ConfigureAwait(false)).Select(_kind.Summarize)
            .OrderBy(p => _kind.Identify(p).Cloudspace, StringComparer.Ordinal).ThenBy(p => _kind.Identify(p).ServerClass, StringComparer.Ordinal).ThenBy(p => _kind.Identify(p).Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public virtual IReadOnlyList<TSummary> ListSummaries(string? cloudspace = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListSummariesAsync(cloudspace, cancellationToken: cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One pool by name.</summary>
    public virtual async Task<TPool> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync($"get {_kind.Noun} \"{name}\"", ct => _kind.GetAsync(Context.Api, ns, name, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingBody($"{_kind.Noun} \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public virtual TPool Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken: cancellationToken), nameof(GetAsync));

    /// <summary>Creates a pool in an existing cloudspace.</summary>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="BidCeilingException">A spot pool's bid is above its class's ceiling (nothing was sent).</exception>
    public virtual async Task<TPool> CreateAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var body = _kind.ToModel(request, ns);
        await _kind.CheckCreateAsync(Context, request, cancellationToken).ConfigureAwait(false);
        return await _kind.PostAsync(Context, ns, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    public virtual TPool Create(TRequest request, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => CreateAsync(request, cancellationToken: cancellationToken), nameof(CreateAsync));

    /// <summary>Changes a pool with a merge patch: desired count and node metadata, and for spot pools the bid and autoscaling.</summary>
    /// <exception cref="BidCeilingException">A new bid is above the pool's class's ceiling (nothing was sent).</exception>
    public virtual async Task<TPool> UpdateAsync(string name, NodePoolUpdate update, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        ArgumentNullException.ThrowIfNull(update);
        var patch = _kind.ToPatch(update);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        await _kind.CheckUpdateAsync(Context, ns, name, update, cancellationToken).ConfigureAwait(false);
        return await CallAsync($"update {_kind.Noun} \"{name}\"", ct => _kind.PatchAsync(Context.Api, ns, name, patch, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingBody($"{_kind.Noun} \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    public virtual TPool Update(string name, NodePoolUpdate update, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => UpdateAsync(name, update, cancellationToken: cancellationToken), nameof(UpdateAsync));

    /// <summary>Deletes a pool.</summary>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsurePoolName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync($"delete {_kind.Noun} \"{name}\"", ct => _kind.DeleteAsync(Context.Api, ns, name, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken: cancellationToken), nameof(DeleteAsync));
}
