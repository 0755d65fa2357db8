namespace Rsspot.Http;

/// <summary>
/// How the retry handler retries: the resolved <see cref="Configuration.RetrySettings"/> (the public retry options,
/// whose <see cref="Configuration.RetrySettings.Default"/> holds the defaults) plus the per-request timeout.
/// </summary>
internal sealed record RetryOptions
{
    /// <summary>Attempts in total, the first one included (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = Configuration.RetrySettings.Default.MaxAttempts;

    /// <summary>Delay before the first retry; doubles with each attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = Configuration.RetrySettings.Default.BaseDelay;

    /// <summary>Longest delay between attempts, also the cap on an honoured Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = Configuration.RetrySettings.Default.MaxDelay;

    /// <summary>Share of the delay randomised (0 = none, 0.2 = ±20 %).</summary>
    public double Jitter { get; init; } = Configuration.RetrySettings.Default.Jitter;

    /// <summary>Status codes worth another attempt.</summary>
    public IReadOnlySet<int> RetryStatuses { get; init; } = Configuration.RetrySettings.Default.RetryStatuses.ToHashSet();

    /// <summary>Time allowed for one attempt (the profile's request timeout).</summary>
    public TimeSpan AttemptTimeout { get; init; } = Configuration.EffectiveProfile.DefaultRequestTimeout;

    /// <summary>
    /// Time allowed for one request with all its attempts and delays; null is the worst case of the policy
    /// (every attempt timing out after the longest delay).
    /// </summary>
    public TimeSpan? OperationTimeout { get; init; }

    /// <summary>
    /// True retries POST and PATCH like idempotent methods (the OAuth token request: repeating a refresh is harmless).
    /// </summary>
    public bool RetryUnsafeMethods { get; init; }

    /// <summary>The deadline of one request, retries included (infinite when the attempts have no timeout).</summary>
    public TimeSpan EffectiveOperationTimeout =>
        OperationTimeout
        ?? (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout == Timeout.InfiniteTimeSpan
            ? Timeout.InfiniteTimeSpan
            : (AttemptTimeout * Math.Max(1, MaxAttempts)) + (MaxDelay * Math.Max(0, MaxAttempts - 1)));
}
