namespace Rsspot.Emulator.Faults;

/// <summary>The decision for one request: a delay and at most one fault.</summary>
internal readonly record struct FaultDecision(int LatencyMs, FaultAction Action, int Status, int RetryAfterSeconds);
