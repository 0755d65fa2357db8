namespace Rsspot.Configuration;

/// <summary>Resolved retry policy: exponential backoff from <see cref="BaseDelay"/>, capped, with jitter.</summary>
/// <param name="MaxAttempts">Attempts in total, the first included (1 = no retry).</param>
/// <param name="BaseDelay">First backoff delay.</param>
/// <param name="MaxDelay">Backoff cap.</param>
/// <param name="Jitter">Random jitter fraction (0.2 = ±20 %).</param>
/// <param name="RetryStatuses">HTTP statuses that are retried.</param>
public sealed record RetrySettings(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, double Jitter, IReadOnlyList<int> RetryStatuses)
{
    /// <summary>The Python rsspot defaults: 4 attempts, 0.2 s base, 2.5 s cap, 0.2 jitter, 429/500/502/503/504.</summary>
    public static RetrySettings Default { get; } = new(4, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(2.5), 0.2, [429, 500, 502, 503, 504]);
}
