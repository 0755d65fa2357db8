using Rsspot.Services;
using Rsspot.State;

namespace Rsspot.Pricing;

/// <summary>
/// Watches the spot pools of one cloudspace (or all) against their market and keeps their bids winning within a budget.
/// A round reads every pool, its class's market, percentiles and recent clearing prices (uncached), plans with
/// <see cref="BidGuardPlanner"/>, and, only when asked to apply, patches <c>spec.bidPrice</c> of the pools whose bid changes.
/// </summary>
/// <remarks>
/// Applying is never half-done across pools in the sense that matters for money: the plan is made and checked against
/// the budget for the whole set first; lowerings are sent before raises; each raise is sent only while the bids in force
/// (those already changed plus those unchanged or failed) stay within the budget, so a failed lowering defers the raises
/// that needed its room; each success is recorded in state.db right after its patch, and a failure changes nothing and is
/// reported. The next round plans again from the live pools, so a failed or deferred change is retried there.
/// </remarks>
public sealed class BidGuard
{
    private readonly SpotClient _client;
    private readonly StateStore? _changes;
    private readonly TimeProvider _time;

    /// <summary>A guard over <paramref name="client"/>'s organization.</summary>
    /// <param name="client">The client.</param>
    /// <param name="policy">The bidding policy.</param>
    /// <param name="changes">Where applied changes are recorded; null records none.</param>
    /// <param name="time">Clock for change times; the system clock when null.</param>
    public BidGuard(SpotClient client, BidGuardPolicy policy, StateStore? changes = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        _client = client;
        Policy = (policy.MaxBid, client.Profile.MaxBid) switch
        {
            (null, decimal profileMax) => policy with { MaxBid = profileMax, MaxBidOnlyLowers = false },
            (decimal asked, decimal profileMax) when policy.MaxBidOnlyLowers => policy with { MaxBid = Math.Min(asked, profileMax), MaxBidOnlyLowers = false },
            _ => policy,
        };
        _changes = changes;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The bidding policy.</summary>
    public BidGuardPolicy Policy { get; }

    /// <summary>Reads the spot pools of a cloudspace (every cloudspace when null) with their markets.</summary>
    /// <param name="cloudspace">A cloudspace name, or null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<IReadOnlyList<PoolMarket>> ReadAsync(string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        if (cloudspace is not null)
        {
            // A misspelt cloudspace is an error, not an empty (and so "all winning") round.
            await _client.Cloudspaces.GetAsync(cloudspace, cancellationToken).ConfigureAwait(false);
        }

        var poolsRead = _client.Market.ListSpotPoolsAsync(cloudspace, cancellationToken);
        var catalogRead = _client.Market.GetCatalogAsync(cancellationToken);
        var autopilotRead = _client.Market.ListAutopilotPoolsAsync(cloudspace, cancellationToken);
        await Task.WhenAll(poolsRead, catalogRead, autopilotRead).ConfigureAwait(false);

        // Spot re-bids the child pools of an autopilot pool itself: the guard never plans (so never patches) them.
        var children = AutopilotOwnership.ChildPools(await autopilotRead.ConfigureAwait(false));
        var pools = (await poolsRead.ConfigureAwait(false)).Where(p => !AutopilotOwnership.IsManaged(p, children)).Select(SpotNodePoolSummary.From)
            .OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var catalog = await catalogRead.ConfigureAwait(false);
        var classes = pools.Select(p => p.ServerClass).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var histories = await Task.WhenAll(classes.Select(c => HistoryAsync(c, cancellationToken))).ConfigureAwait(false);
        var historyByClass = classes.Zip(histories).ToDictionary(h => h.First, h => h.Second, StringComparer.Ordinal);
        return [.. pools.Select(p => View(p, catalog, historyByClass))];
    }

    /// <summary>
    /// The autopilot pools of a cloudspace (every cloudspace when null), uncached, with what Spot allocated for them.
    /// The guard reports them and leaves their child spot pools alone: Spot bids for those itself.
    /// </summary>
    /// <param name="cloudspace">A cloudspace name, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<AutopilotNodePoolSummary>> ReadAutopilotAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await _client.Market.ListAutopilotPoolsAsync(cloudspace, cancellationToken).ConfigureAwait(false)).Select(AutopilotNodePoolSummary.From)
            .OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Reads and plans, changing nothing.</summary>
    /// <param name="cloudspace">A cloudspace name, or null for every cloudspace.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<BidGuardPlan> PlanAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        BidGuardPlanner.Plan(await ReadAsync(cloudspace, cancellationToken).ConfigureAwait(false), Policy);

    /// <summary>One round: read, plan, and apply the changes when <paramref name="apply"/> is true (a dry run otherwise).</summary>
    /// <param name="cloudspace">A cloudspace name, or null for every cloudspace.</param>
    /// <param name="apply">Patch the bids; false only plans.</param>
    /// <param name="cancellationToken">Cancels the round.</param>
    public async Task<BidGuardRound> RunAsync(string? cloudspace = null, bool apply = false, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(cloudspace, cancellationToken).ConfigureAwait(false);
        return apply
            ? await ApplyAsync(plan, cancellationToken).ConfigureAwait(false)
            : new BidGuardRound(plan, false, [], [], []);
    }

    /// <summary>Applies a plan's changes: lowerings first, then raises while the budget holds; see the remarks on <see cref="BidGuard"/>.</summary>
    /// <param name="plan">A plan from <see cref="PlanAsync"/>.</param>
    /// <param name="cancellationToken">Cancels before the next patch.</param>
    public async Task<BidGuardRound> ApplyAsync(BidGuardPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var applied = new List<BidChange>();
        var failed = new List<BidChangeFailure>();
        var deferred = new List<BidRecommendation>();
        decimal inForce = plan.HourlyBefore;
        foreach (var change in plan.Changes.OrderBy(r => r.Action == BidAction.Lower ? 0 : 1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            decimal oldBid = change.Pool.Bid!.Value;
            decimal newBid = change.RecommendedBid!.Value;
            decimal delta = (newBid - oldBid) * Math.Max(change.Pool.Desired, 0);
            bool overCap = change.Action == BidAction.Raise && BidGuardPlanner.CeilingOf(change.Pool, Policy) is { } ceiling && !ceiling.Allows(newBid);
            bool overBudget = delta > 0 && plan.HourlyBudget is decimal budget && inForce + delta > Math.Max(budget, plan.HourlyBefore);
            if (overCap || overBudget)
            {
                deferred.Add(change);
                continue;
            }

            try
            {
                // The SDK checks the bid against the class's ceiling again, from a fresh read of the class.
                await _client.SpotNodePools.UpdateAsync(change.Pool.Pool, new NodePoolUpdate { BidPrice = newBid, MaxBid = Policy.MaxBid }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SpotException or BidCeilingException)
            {
                failed.Add(new BidChangeFailure(change, ex.Message));
                continue;
            }

            inForce += delta;
            var record = new BidChange(0, _time.GetUtcNow(), change.Pool.Cloudspace, change.Pool.Pool, change.Pool.ServerClass, oldBid, newBid, change.Pool.Market, BidGuardText.Of(change.Status), change.Reason);
            applied.Add(_changes?.BidChanges.Record(record) ?? record);
        }

        return new BidGuardRound(plan, true, applied, failed, deferred);
    }

    private async Task<IReadOnlyList<decimal>> HistoryAsync(string serverClass, CancellationToken cancellationToken)
    {
        try
        {
            var history = await _client.Pricing.GetHistoryAsync(serverClass, cancellationToken).ConfigureAwait(false);
            return [.. history.Points.Select(p => p.HammerPerHour)];
        }
        catch (SpotException)
        {
            // History only sharpens the trend; without it the guard still compares bid and market.
            return [];
        }
    }

    private static PoolMarket View(SpotNodePoolSummary pool, PriceCatalog catalog, Dictionary<string, IReadOnlyList<decimal>> histories)
    {
        var row = pool.ServerClass is { } name ? catalog.Find(name).FirstOrDefault() : null;
        return new PoolMarket
        {
            Pool = pool.Name,
            Cloudspace = pool.Cloudspace,
            ServerClass = pool.ServerClass ?? string.Empty,
            Desired = pool.Desired ?? 0,
            Bid = pool.BidPrice,
            BidStatus = pool.BidStatus,
            WonCount = pool.WonCount,
            Market = row?.MarketPerHour,
            Hammer = row?.HammerPerHour,
            Minimum = row?.MinimumBidPerHour,
            OnDemand = row?.OnDemandPerHour,
            P20 = row?.P20,
            P50 = row?.P50,
            P80 = row?.P80,
            History = pool.ServerClass is { } c && histories.TryGetValue(c, out var h) ? h : [],
        };
    }
}
