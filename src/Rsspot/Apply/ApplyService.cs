using Rsspot.Generated.Api.Models;
using Rsspot.Http;
using Rsspot.Pricing;
using Rsspot.Services;

namespace Rsspot.Apply;

/// <summary>
/// Clusters as code: plans the changes that make the account match <see cref="CloudspaceSpec"/>s (creates, merge
/// patches of only the changed fields, deletes of pools no longer listed when pruning) and applies a plan. Pools are
/// matched by their key (the pool label <see cref="PoolKeyLabel"/>), never by their generated names, so applying the
/// same spec twice sends no write the second time. Every bid passes the bid ceiling before any write.
/// </summary>
public class ApplyService : SpotService
{
    /// <summary>The pool label that holds a pool's key.</summary>
    public const string PoolKeyLabel = "rsspot.io/pool-key";

    /// <summary>How long a replace waits for the deleted cloudspace to be gone before creating it again.</summary>
    public static TimeSpan ReplaceTimeout { get; } = TimeSpan.FromMinutes(10);

    private readonly SpotClient _client;

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected ApplyService()
    {
        _client = null!;
    }

    internal ApplyService(SpotContext context, SpotClient client)
        : base(context, "apply")
    {
        _client = client;
    }

    /// <summary>Plans one cloudspace; see <see cref="PlanAsync(IReadOnlyList{CloudspaceSpec}, ApplyOptions?, CancellationToken)"/>.</summary>
    /// <param name="spec">The wanted cloudspace.</param>
    /// <param name="options">Prune, replace and the bid ceiling; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public virtual Task<ApplyPlan> PlanAsync(CloudspaceSpec spec, ApplyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return PlanAsync([spec], options, cancellationToken);
    }

    /// <summary>Blocking form of <see cref="PlanAsync(CloudspaceSpec, ApplyOptions?, CancellationToken)"/>.</summary>
    /// <param name="spec">The wanted cloudspace.</param>
    /// <param name="options">Prune, replace and the bid ceiling; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public virtual ApplyPlan Plan(CloudspaceSpec spec, ApplyOptions? options = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => PlanAsync(spec, options, cancellationToken), nameof(PlanAsync));

    /// <summary>
    /// Reads what exists (past the response cache, so a change made elsewhere shows) and plans the changes that make
    /// it match <paramref name="specs"/>. Sends no write.
    /// </summary>
    /// <param name="specs">The wanted cloudspaces.</param>
    /// <param name="options">Prune, replace and the bid ceiling; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="ArgumentException">A spec is invalid (a name, a key given twice, a count, a bid).</exception>
    public virtual async Task<ApplyPlan> PlanAsync(IReadOnlyList<CloudspaceSpec> specs, ApplyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specs);
        options ??= new ApplyOptions();
        ApplySpecCheck.Ensure(specs);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var planner = new ApplyPlanner(options, (serverClass, ct) => GuardBidAsync(serverClass, options, ct));
        var changes = new List<ApplyChange>();
        foreach (var spec in specs)
        {
            var existing = await FindCloudspaceAsync(ns, spec.Name, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                changes.AddRange(await planner.CreateAsync(spec, cancellationToken).ConfigureAwait(false));
                continue;
            }

            if (existing.Metadata?.DeletionTimestamp is not null)
            {
                throw new SpotException($"Cloudspace \"{spec.Name}\" is being deleted; plan again once it is gone.");
            }

            var spot = await ListSpotAsync(ns, spec.Name, cancellationToken).ConfigureAwait(false);
            var onDemand = await ListOnDemandAsync(ns, spec.Name, cancellationToken).ConfigureAwait(false);
            changes.AddRange(await planner.CompareAsync(spec, existing, spot, onDemand, cancellationToken).ConfigureAwait(false));
        }

        return new ApplyPlan([.. specs.Select(s => s.Name)], changes, options);
    }

    /// <summary>Blocking form of <see cref="PlanAsync(IReadOnlyList{CloudspaceSpec}, ApplyOptions?, CancellationToken)"/>.</summary>
    public virtual ApplyPlan Plan(IReadOnlyList<CloudspaceSpec> specs, ApplyOptions? options = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => PlanAsync(specs, options, cancellationToken), nameof(PlanAsync));

    /// <summary>Plans deleting the cloudspaces <paramref name="specs"/> name (with their pools); those that do not exist are left out.</summary>
    /// <param name="specs">The cloudspaces to delete.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public virtual async Task<ApplyPlan> PlanDeleteAsync(IReadOnlyList<CloudspaceSpec> specs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ApplySpecCheck.Ensure(specs);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<ApplyChange>();
        foreach (var spec in specs)
        {
            if (await FindCloudspaceAsync(ns, spec.Name, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            var pools = (await ListSpotAsync(ns, spec.Name, cancellationToken).ConfigureAwait(false)).Count
                + (await ListOnDemandAsync(ns, spec.Name, cancellationToken).ConfigureAwait(false)).Count;
            changes.Add(new ApplyChange
            {
                Action = ApplyAction.Delete,
                Target = ApplyTarget.Cloudspace,
                Cloudspace = spec.Name,
                Reason = pools == 0 ? null : $"with its {pools} node pool(s)",
            });
        }

        return new ApplyPlan([.. specs.Select(s => s.Name)], changes, new ApplyOptions());
    }

    /// <summary>Blocking form of <see cref="PlanDeleteAsync"/>.</summary>
    public virtual ApplyPlan PlanDelete(IReadOnlyList<CloudspaceSpec> specs, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => PlanDeleteAsync(specs, cancellationToken), nameof(PlanDeleteAsync));

    /// <summary>
    /// Applies a plan in its order: every bid is checked against its ceiling first (nothing is sent when one is above
    /// it), then each change is sent and reported to <paramref name="progress"/>. A failure stops there; planning and
    /// applying again continues from what exists.
    /// </summary>
    /// <param name="plan">A plan from this service.</param>
    /// <param name="progress">Told each change once it is done; null for none.</param>
    /// <param name="cancellationToken">Cancels before the next write.</param>
    /// <exception cref="ArgumentException">The plan needs a replace and was not made with <see cref="ApplyOptions.Replace"/>.</exception>
    /// <exception cref="BidCeilingException">A bid is above its class's ceiling (nothing was sent).</exception>
    public virtual async Task<ApplyResult> ApplyAsync(ApplyPlan plan, IProgress<ApplyChange>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Replacements.Count > 0 && !plan.Options.Replace)
        {
            throw new ArgumentException(
                $"{plan.Replacements[0].Headline()}. A fixed field cannot change in place; allow deleting and creating again with ApplyOptions.Replace. Nothing was sent.",
                nameof(plan));
        }

        await CheckBidsAsync(plan, cancellationToken).ConfigureAwait(false);
        var applied = new List<ApplyChange>();
        foreach (var change in plan.Changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ApplyOneAsync(change, cancellationToken).ConfigureAwait(false);
            applied.Add(change);
            progress?.Report(change);
        }

        return new ApplyResult(plan, applied);
    }

    /// <summary>Blocking form of <see cref="ApplyAsync"/>.</summary>
    public virtual ApplyResult Apply(ApplyPlan plan, IProgress<ApplyChange>? progress = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ApplyAsync(plan, progress, cancellationToken), nameof(ApplyAsync));

    private async Task CheckBidsAsync(ApplyPlan plan, CancellationToken cancellationToken)
    {
        var maxBid = plan.Options.MaxBid;
        foreach (var change in plan.Changes)
        {
            if (change.SpotRequest is { } create)
            {
                await _client.SpotNodePools.CheckBidAsync(create.ServerClass, create.BidPrice, maxBid, cancellationToken).ConfigureAwait(false);
            }

            foreach (var pool in change.CloudspaceRequest?.SpotPools ?? [])
            {
                await _client.SpotNodePools.CheckBidAsync(pool.ServerClass, pool.BidPrice, maxBid, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyOneAsync(ApplyChange change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case { WithCloudspace: true }:
                return;
            case { Action: ApplyAction.Delete, Target: ApplyTarget.Cloudspace }:
                await _client.Cloudspaces.DeleteAsync(change.Cloudspace, cancellationToken).ConfigureAwait(false);
                return;
            case { Action: ApplyAction.Delete or ApplyAction.Replace, Target: ApplyTarget.SpotPool, Name: { } spotName }:
                await _client.SpotNodePools.DeleteAsync(spotName, cancellationToken).ConfigureAwait(false);
                break;
            case { Action: ApplyAction.Delete or ApplyAction.Replace, Target: ApplyTarget.OnDemandPool, Name: { } onDemandName }:
                await _client.OnDemandNodePools.DeleteAsync(onDemandName, cancellationToken).ConfigureAwait(false);
                break;
            case { Action: ApplyAction.Replace, Target: ApplyTarget.Cloudspace }:
                await _client.Cloudspaces.DeleteAsync(change.Cloudspace, cancellationToken).ConfigureAwait(false);
                await WaitGoneAsync(change.Cloudspace, cancellationToken).ConfigureAwait(false);
                break;
        }

        if (change.Action == ApplyAction.Delete)
        {
            return;
        }

        if (change.CloudspaceRequest is { } cloudspace)
        {
            await _client.Cloudspaces.CreateAsync(cloudspace, cancellationToken).ConfigureAwait(false);
        }
        else if (change.CloudspaceUpdate is { } cloudspaceUpdate)
        {
            await _client.Cloudspaces.UpdateAsync(change.Cloudspace, cloudspaceUpdate, cancellationToken).ConfigureAwait(false);
        }
        else if (change.SpotRequest is { } spot)
        {
            await _client.SpotNodePools.CreateAsync(spot, cancellationToken).ConfigureAwait(false);
        }
        else if (change.OnDemandRequest is { } onDemand)
        {
            await _client.OnDemandNodePools.CreateAsync(onDemand, cancellationToken).ConfigureAwait(false);
        }
        else if (change.PoolUpdate is { } update && change.Name is { } name)
        {
            if (change.Target == ApplyTarget.SpotPool)
            {
                await _client.SpotNodePools.UpdateAsync(name, update, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _client.OnDemandNodePools.UpdateAsync(name, update, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // A deleted cloudspace may linger (terminating) for a while; its name is free again only once it is gone.
    private async Task WaitGoneAsync(string name, CancellationToken cancellationToken)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var deadline = Context.Time.GetUtcNow() + ReplaceTimeout;
        while (await FindCloudspaceAsync(ns, name, cancellationToken).ConfigureAwait(false) is not null)
        {
            if (Context.Time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Cloudspace \"{name}\" was deleted for its replace but still exists after {ReplaceTimeout.TotalMinutes:0} min; apply again once it is gone.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), Context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The bid the guard would set for a new pool of <paramref name="serverClass"/>.</summary>
    private async Task<decimal> GuardBidAsync(string serverClass, ApplyOptions options, CancellationToken cancellationToken)
    {
        var catalog = await _client.Pricing.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var row = catalog.Find(serverClass).FirstOrDefault();
        var policy = new BidGuardPolicy { MaxBid = options.MaxBid ?? Context.Profile.MaxBid };
        var market = new PoolMarket
        {
            Pool = serverClass,
            ServerClass = serverClass,
            Desired = 1,
            Bid = 0m,
            Market = row?.MarketPerHour,
            Hammer = row?.HammerPerHour,
            Minimum = row?.MinimumBidPerHour,
            OnDemand = row?.OnDemandPerHour,
            P20 = row?.P20,
            P50 = row?.P50,
            P80 = row?.P80,
        };
        var recommendation = BidGuardPlanner.Recommend(market, policy);
        return recommendation is { Action: BidAction.Raise, RecommendedBid: decimal bid } && bid > 0m
            ? bid
            : throw new ArgumentException($"bidPrice: guard for server class '{serverClass}': the guard has no bid to start from ({recommendation.Reason}); give a number instead.", "bidPrice");
    }

    private async Task<CloudSpace?> FindCloudspaceAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(
                $"get cloudspace \"{name}\"",
                ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Cloudspaces[name].GetAsync(c => c.Options.Add(BypassCacheOption.Instance), ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<SpotNodePool>> ListSpotAsync(string ns, string cloudspace, CancellationToken cancellationToken) =>
        (await CallAsync(
            "list spot node pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.GetAsync(
                c =>
                {
                    c.Options.Add(BypassCacheOption.Instance);
                    c.QueryParameters.LabelSelector = NodePoolSelectors.ForCloudspace(cloudspace);
                },
                ct),
            cancellationToken).ConfigureAwait(false))?.Items ?? [];

    private async Task<IReadOnlyList<OnDemandNodePool>> ListOnDemandAsync(string ns, string cloudspace, CancellationToken cancellationToken) =>
        (await CallAsync(
            "list on-demand node pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Ondemandnodepools.GetAsync(
                c =>
                {
                    c.Options.Add(BypassCacheOption.Instance);
                    c.QueryParameters.LabelSelector = NodePoolSelectors.ForCloudspace(cloudspace);
                },
                ct),
            cancellationToken).ConfigureAwait(false))?.Items ?? [];
}
