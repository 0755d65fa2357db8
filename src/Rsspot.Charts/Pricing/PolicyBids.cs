namespace Rsspot.Pricing;

/// <summary>One way of bidding over the auctions of an evaluation.</summary>
/// <param name="Policy">The policy's name (the legend).</param>
/// <param name="Bids">Its bid at each auction, in time order.</param>
public sealed record PolicyBids(string Policy, IReadOnlyList<PolicyBid> Bids);
