namespace Rsspot.Pricing;

/// <summary>The scenarios of one build, in the order max performance, max value, balanced (those requested).</summary>
public sealed record ClusterBuildResult
{
    /// <summary>The request the scenarios answer.</summary>
    public required ClusterBuildRequest Request { get; init; }

    /// <summary>One scenario per requested strategy.</summary>
    public required IReadOnlyList<ClusterScenario> Scenarios { get; init; }

    /// <summary>Rows looked at.</summary>
    public required int CandidatesConsidered { get; init; }

    /// <summary>Rows that passed every filter and budget check.</summary>
    public required int CandidatesEligible { get; init; }

    /// <summary>The constraint that left no candidate, or null.</summary>
    public BuildFailure? Failure { get; init; }

    /// <summary>The scenario of a strategy, or null when it was not requested.</summary>
    public ClusterScenario? Get(BuildStrategy strategy) => Scenarios.FirstOrDefault(s => s.Strategy == strategy);
}
