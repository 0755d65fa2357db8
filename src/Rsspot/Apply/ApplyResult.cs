namespace Rsspot.Apply;

/// <summary>What <see cref="ApplyService.ApplyAsync"/> did.</summary>
/// <param name="Plan">The plan applied.</param>
/// <param name="Applied">The changes sent, in order (all of the plan's when the call returns).</param>
public sealed record ApplyResult(ApplyPlan Plan, IReadOnlyList<ApplyChange> Applied);
