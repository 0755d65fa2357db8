using System.IO.Hashing;
using System.Text;

namespace Rsspot.Workflows;

/// <summary>
/// When a failed VM is tried again, and when it is given up (skipped). Attempts are counted from the moment the VM
/// last entered <c>discovered</c> other than by a retry (its discovery, its return after vanishing, or a move back
/// by hand), so a VM put back by an operator gets a fresh set. The wait after the n-th failure is
/// <see cref="FirstDelay"/> doubled n-1 times, at most <see cref="MaxDelay"/>, and then between half and all of
/// it (a jitter fixed per VM and attempt, so every replica computes the same time). With the defaults (5 s → 5 min,
/// 8 attempts) the waits are about 5, 10, 20, 40, 80, 160, 300 s: an outage of the external system of up to
/// about 7 minutes skips nothing. Only failures of the VM's own steps count: a ledger (database) error is not
/// recorded against a VM.
/// </summary>
public sealed record RegistrationRetryPolicy
{
    /// <summary>The defaults: 8 attempts, 5 s → 5 min.</summary>
    public static RegistrationRetryPolicy Default { get; } = new();

    /// <summary>Failures since the VM last entered discovered after which it is skipped; 8 by default.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The wait after the first failure (before jitter); 5 s by default.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait (before jitter); 5 minutes by default.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Failures recorded since the VM last entered discovered other than by a retry.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The count.</returns>
    public static int FailuresSinceDiscovered(RegistrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        int failures = 0;
        for (int i = record.History.Count - 1; i >= 0; i--)
        {
            RegistrationTransition move = record.History[i];
            if (move.To == RegistrationStatus.Discovered && move.Reason != RegistrationWorkflow.RetryReason)
            {
                break;
            }

            if (move.To == RegistrationStatus.Failed)
            {
                failures++;
            }
        }

        return failures;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure of the VM with this key.</summary>
    /// <param name="key">The registration key (seeds the jitter).</param>
    /// <param name="failures">Failures so far (at least 1).</param>
    /// <returns>The wait.</returns>
    public TimeSpan DelayAfter(string key, int failures)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (failures < 1)
        {
            return TimeSpan.Zero;
        }

        double full = Math.Min(MaxDelay.TotalSeconds, FirstDelay.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        uint hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes($"{key}/{failures}"));
        return TimeSpan.FromSeconds(full * (0.5 + (0.5 * hash / uint.MaxValue)));
    }

    /// <summary>When a failed record may be tried again; <see langword="null"/> when it is not failed.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The time, by the ledger's clock.</returns>
    public DateTimeOffset? NextAttemptAt(RegistrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status != RegistrationStatus.Failed)
        {
            return null;
        }

        DateTimeOffset failedAt = record.History.LastOrDefault(h => h.To == RegistrationStatus.Failed)?.At ?? record.UpdatedAt;
        return failedAt + DelayAfter(record.Key, Math.Max(1, FailuresSinceDiscovered(record)));
    }

    /// <summary>Whether the VM has used up its attempts and should be skipped.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> when <see cref="FailuresSinceDiscovered"/> reached <see cref="MaxAttempts"/>.</returns>
    public bool IsExhausted(RegistrationRecord record) => FailuresSinceDiscovered(record) >= MaxAttempts;
}
