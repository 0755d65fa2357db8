namespace Rsspot.Workflows;

/// <summary>One move in a record's history.</summary>
/// <param name="From">The previous status (<see langword="null"/> for the creation).</param>
/// <param name="To">The new status.</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">Why (e.g. <c>vanished</c>), if given.</param>
/// <param name="Error">The error, for a move to failed.</param>
/// <param name="Owner">The worker that made the move, if known.</param>
public sealed record RegistrationTransition(RegistrationStatus? From, RegistrationStatus To, DateTimeOffset At, string? Reason = null, string? Error = null, string? Owner = null);
