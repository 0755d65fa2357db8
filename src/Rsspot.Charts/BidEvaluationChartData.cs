namespace Rsspot.Pricing;

/// <summary>The market (clearing) price of one auction.</summary>
/// <param name="At">When the auction ran.</param>
/// <param name="PerNodeHour">The market price in USD per node-hour.</param>
public sealed record MarketPrice(DateTimeOffset At, decimal PerNodeHour);

/// <summary>A pool's bid in force at one auction, and whether it won the auction.</summary>
/// <param name="At">When the auction ran.</param>
/// <param name="PerNodeHour">The bid in USD per node-hour.</param>
/// <param name="Won">False when the bid lost the auction (the pool's nodes were lost).</param>
public sealed record PolicyBid(DateTimeOffset At, decimal PerNodeHour, bool Won);

/// <summary>One way of bidding over the auctions of an evaluation.</summary>
/// <param name="Policy">The policy's name (the legend).</param>
/// <param name="Bids">Its bid at each auction, in time order.</param>
public sealed record PolicyBids(string Policy, IReadOnlyList<PolicyBid> Bids);

/// <summary>
/// What a bid evaluation chart shows: one pool's market price over the evaluation, each policy's bid as a line, and the
/// auctions each policy lost, shaded in a band of its own above the prices.
/// </summary>
/// <param name="Pool">The pool (or server class) evaluated.</param>
/// <param name="Market">The market price at each auction, in time order.</param>
/// <param name="Policies">The policies compared.</param>
public sealed record BidEvaluationChartData(string Pool, IReadOnlyList<MarketPrice> Market, IReadOnlyList<PolicyBids> Policies);
