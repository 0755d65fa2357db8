using Rsspot.Generated.Api;
using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>What differs between the two kinds of node pool: the endpoints, the models and the words for them.</summary>
internal abstract class NodePoolKind<TPool, TSummary, TRequest>(string group, string noun)
    where TPool : class
{
    /// <summary>The operation group in telemetry, e.g. <c>spotnodepools</c>.</summary>
    public string Group { get; } = group;

    /// <summary>The kind in messages, e.g. <c>spot node pool</c>.</summary>
    public string Noun { get; } = noun;

    public abstract Task<List<TPool>?> ListAsync(SpotApiClient api, string ns, string? labelSelector, CancellationToken cancellationToken);

    public abstract Task<TPool?> GetAsync(SpotApiClient api, string ns, string name, CancellationToken cancellationToken);

    public abstract Task<TPool?> PatchAsync(SpotApiClient api, string ns, string name, TPool patch, CancellationToken cancellationToken);

    public abstract Task<Status?> DeleteAsync(SpotApiClient api, string ns, string name, CancellationToken cancellationToken);

    public abstract TPool ToModel(TRequest request, string ns);

    public abstract TPool ToPatch(NodePoolUpdate update);

    public abstract TSummary Summarize(TPool pool);

    /// <summary>Checks a new pool's money before it is sent (the bid ceiling); nothing for on-demand pools.</summary>
    public virtual Task CheckCreateAsync(SpotContext context, TRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Checks a change's money before it is sent (the bid ceiling); nothing for on-demand pools.</summary>
    public virtual Task CheckUpdateAsync(SpotContext context, string ns, string name, NodePoolUpdate update, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The cloudspace, server class and name of a pool's row: what lists are ordered by and messages name.</summary>
    public abstract (string? Cloudspace, string? ServerClass, string Name) Identify(TSummary summary);

    /// <summary>Creates a pool from a ready body (also used for the pools of a new cloudspace).</summary>
    public async Task<TPool> PostAsync(SpotContext context, string ns, TPool body, CancellationToken cancellationToken)
    {
        var (cloudspace, serverClass, name) = Identify(Summarize(body));
        return await ApiCall.RunAsync(
            context,
            $"create {Noun} \"{name}\" ({serverClass} in cloudspace \"{cloudspace}\")",
            ct => PostAsync(context.Api, ns, body, ct),
            cancellationToken,
            context.Operation(Group, "create")).ConfigureAwait(false) ?? body;
    }

    protected abstract Task<TPool?> PostAsync(SpotApiClient api, string ns, TPool body, CancellationToken cancellationToken);
}
