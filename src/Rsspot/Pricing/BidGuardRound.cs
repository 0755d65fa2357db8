using Rsspot.Services;
using Rsspot.State;

namespace Rsspot.Pricing;

/// <summary>The outcome of one <see cref="BidGuard"/> round.</summary>
/// <param name="Plan">What the guard planned.</param>
/// <param name="Applied">True when the round was allowed to patch bids; false for a dry run.</param>
/// <param name="Changes">The changes patched and recorded.</param>
/// <param name="Failed">The patches the API refused or could not take; those pools keep their old bid.</param>
/// <param name="Deferred">Changes not sent this round because the budget or cap would not hold; the next round plans again.</param>
public sealed record BidGuardRound(BidGuardPlan Plan, bool Applied, IReadOnlyList<BidChange> Changes, IReadOnlyList<BidChangeFailure> Failed, IReadOnlyList<BidRecommendation> Deferred);
