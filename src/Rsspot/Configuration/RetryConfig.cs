namespace Rsspot.Configuration;

/// <summary>Retry settings as written in a file; unset values inherit.</summary>
public sealed record RetryConfig
{
    /// <summary>Attempts in total, the first included.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>First backoff delay in seconds.</summary>
    public double? BaseDelay { get; init; }

    /// <summary>Backoff cap in seconds.</summary>
    public double? MaxDelay { get; init; }

    /// <summary>Random jitter fraction (0.2 = ±20 %).</summary>
    public double? Jitter { get; init; }

    /// <summary>HTTP statuses that are retried.</summary>
    public IReadOnlyList<int>? RetryStatuses { get; init; }
}
