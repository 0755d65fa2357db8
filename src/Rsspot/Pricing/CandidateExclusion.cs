namespace Rsspot.Pricing;

/// <summary>Why a server class in a region was not considered.</summary>
/// <param name="ServerClass">Class name.</param>
/// <param name="Region">Region name (empty when unknown).</param>
/// <param name="Constraint">The first check it failed.</param>
/// <param name="Reason">Readable reason, e.g. <c>gp.vs1.large-dfw: 8 nodes × $0.09 = $0.72/h exceeds max hourly $0.50</c>.</param>
public sealed record CandidateExclusion(string ServerClass, string Region, BuildConstraint Constraint, string Reason);
