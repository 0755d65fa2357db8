using Rsspot.Services;
using Rsspot.State;

namespace Rsspot.Pricing;

/// <summary>A bid change whose patch failed.</summary>
/// <param name="Recommendation">The change that was tried.</param>
/// <param name="Error">The error, one line.</param>
public sealed record BidChangeFailure(BidRecommendation Recommendation, string Error);
