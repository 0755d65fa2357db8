using Rsspot.Workflows;

namespace Rsspot.Tests.Workflows;

/// <summary>Per-VM retries: attempts counted since the VM last entered discovered, waits doubling from 5 s to 5 min with jitter.</summary>
public sealed class RegistrationRetryPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Waits_double_from_five_seconds_to_five_minutes_each_between_half_and_all_of_it_and_the_same_on_every_replica()
    {
        var policy = RegistrationRetryPolicy.Default;
        double[] full = [5, 10, 20, 40, 80, 160, 300, 300, 300];
        for (int n = 1; n <= full.Length; n++)
        {
            TimeSpan wait = policy.DelayAfter("vmreg-a", n);
            Assert.InRange(wait.TotalSeconds, full[n - 1] / 2, full[n - 1]);
            Assert.Equal(wait, policy.DelayAfter("vmreg-a", n));
        }

        Assert.NotEqual(policy.DelayAfter("vmreg-a", 3), policy.DelayAfter("vmreg-b", 3));
        Assert.Equal(TimeSpan.Zero, policy.DelayAfter("vmreg-a", 0));
    }

    [Fact]
    public void Attempts_count_since_the_vm_last_entered_discovered_other_than_by_a_retry()
    {
        RegistrationRecord record = Record(
            Move(null, RegistrationStatus.Discovered),
            Move(RegistrationStatus.Discovered, RegistrationStatus.Failed),
            Move(RegistrationStatus.Failed, RegistrationStatus.Discovered, RegistrationWorkflow.RetryReason),
            Move(RegistrationStatus.Discovered, RegistrationStatus.Failed));
        Assert.Equal(2, RegistrationRetryPolicy.FailuresSinceDiscovered(record));

        RegistrationRecord byHand = record with
        {
            History = [.. record.History, Move(RegistrationStatus.Failed, RegistrationStatus.Discovered, "operator"), Move(RegistrationStatus.Discovered, RegistrationStatus.Failed)],
        };
        Assert.Equal(1, RegistrationRetryPolicy.FailuresSinceDiscovered(byHand));
        Assert.False(new RegistrationRetryPolicy { MaxAttempts = 2 }.IsExhausted(byHand));
        Assert.True(new RegistrationRetryPolicy { MaxAttempts = 2 }.IsExhausted(record));
    }

    [Fact]
    public void A_failed_vm_is_due_after_its_wait_from_its_last_failure()
    {
        RegistrationRecord failed = Record(Move(null, RegistrationStatus.Discovered), Move(RegistrationStatus.Discovered, RegistrationStatus.Failed, at: T0.AddMinutes(1))) with { Status = RegistrationStatus.Failed };
        var policy = RegistrationRetryPolicy.Default;

        Assert.Equal(T0.AddMinutes(1) + policy.DelayAfter(failed.Key, 1), policy.NextAttemptAt(failed));
        Assert.Null(policy.NextAttemptAt(failed with { Status = RegistrationStatus.Discovered }));
    }

    private static RegistrationTransition Move(RegistrationStatus? from, RegistrationStatus to, string? reason = null, DateTimeOffset? at = null) =>
        new(from, to, at ?? T0, reason, to == RegistrationStatus.Failed ? "omni: 503" : null);

    private static RegistrationRecord Record(params RegistrationTransition[] history) => new()
    {
        Key = "vmreg-a",
        VmUid = "srv-a",
        Status = history[^1].To,
        Version = history.Length,
        CreatedAt = T0,
        UpdatedAt = T0,
        History = history,
    };
}
