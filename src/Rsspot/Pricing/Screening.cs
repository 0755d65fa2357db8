namespace Rsspot.Pricing;

/// <summary>The outcome of screening: eligible candidates (in row order), exclusions and, when none is eligible, why.</summary>
internal sealed record Screening(
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<CandidateExclusion> Exclusions,
    BuildFailure? Failure);
