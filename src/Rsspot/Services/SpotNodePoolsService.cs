using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Spot (auction-priced) node pools of the client's organization.</summary>
public class SpotNodePoolsService : NodePoolsService<SpotNodePool, SpotNodePoolSummary, SpotNodePoolRequest>
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected SpotNodePoolsService()
    {
    }

    internal SpotNodePoolsService(SpotContext context)
        : base(context, SpotPoolKind.Instance)
    {
    }

    internal static Task<SpotNodePool> PostAsync(SpotContext context, string ns, SpotNodePool body, CancellationToken cancellationToken) =>
        SpotPoolKind.Instance.PostAsync(context, ns, body, cancellationToken);

    /// <summary>
    /// The bid ceiling of a server class: the class's on-demand price, or <see cref="Pricing.BidCeiling.MarketMultiple"/> ×
    /// its market price when that is unknown; <paramref name="maxBid"/> (else the profile's <c>max_bid</c>) replaces it.
    /// Create and update apply it themselves; this reads it ahead (to check a whole plan before creating any of it).
    /// </summary>
    /// <param name="serverClass">The class name.</param>
    /// <param name="maxBid">An explicit ceiling, or null for the default.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public virtual async Task<Pricing.BidCeiling> GetBidCeilingAsync(string serverClass, decimal? maxBid = null, CancellationToken cancellationToken = default) =>
        (await SpotPoolChecks.ReadAsync(Context, serverClass, maxBid, cancellationToken).ConfigureAwait(false)).Ceiling;

    /// <summary>Throws <see cref="BidCeilingException"/> when <paramref name="bid"/> is above the class's ceiling; sends nothing.</summary>
    /// <param name="serverClass">The class name.</param>
    /// <param name="bid">USD per node-hour.</param>
    /// <param name="maxBid">An explicit ceiling, or null for the default.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public virtual async Task CheckBidAsync(string serverClass, decimal bid, decimal? maxBid = null, CancellationToken cancellationToken = default) =>
        (await GetBidCeilingAsync(serverClass, maxBid, cancellationToken).ConfigureAwait(false)).Ensure(bid);

    /// <summary>Blocking form of <see cref="GetBidCeilingAsync"/>.</summary>
    public virtual Pricing.BidCeiling GetBidCeiling(string serverClass, decimal? maxBid = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => GetBidCeilingAsync(serverClass, maxBid, cancellationToken), nameof(GetBidCeilingAsync));

    /// <summary>Blocking form of <see cref="CheckBidAsync"/>.</summary>
    public virtual void CheckBid(string serverClass, decimal bid, decimal? maxBid = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => CheckBidAsync(serverClass, bid, maxBid, cancellationToken), nameof(CheckBidAsync));
}
