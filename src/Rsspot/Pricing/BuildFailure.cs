namespace Rsspot.Pricing;

/// <summary>The constraint that left no candidate, and a readable explanation.</summary>
/// <param name="Constraint">The check after which no candidate remained.</param>
/// <param name="Message">E.g. <c>No candidate fits max hourly $0.50. Closest: …</c>.</param>
public sealed record BuildFailure(BuildConstraint Constraint, string Message);
