namespace Rsspot.Pricing;

/// <summary>
/// What a bid evaluation chart shows: one pool's market price over the evaluation, each policy's bid as a line, and the
/// auctions each policy lost, shaded in a band of its own above the prices.
/// </summary>
/// <param name="Pool">The pool (or server class) evaluated.</param>
/// <param name="Market">The market price at each auction, in time order.</param>
/// <param name="Policies">The policies compared.</param>
public sealed record BidEvaluationChartData(string Pool, IReadOnlyList<MarketPrice> Market, IReadOnlyList<PolicyBids> Policies);
