namespace Rsspot.Workflows;

/// <summary>
/// The legal moves of the registration state machine.
/// <list type="bullet">
/// <item>discovered → token_issued → submitted → registered (forward, one step at a time);</item>
/// <item>any non-terminal state → failed or skipped;</item>
/// <item>failed → discovered, token_issued or submitted (retry from an earlier state);</item>
/// <item>skipped → discovered (re-activate, e.g. a vanished VM that came back);</item>
/// <item>registered is terminal.</item>
/// </list>
/// Moving to the state a record is already in is always accepted as a no-op.
/// </summary>
public static class RegistrationTransitions
{
    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is a legal move (a same-state move counts as legal).</summary>
    /// <param name="from">Current status.</param>
    /// <param name="to">Target status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool IsAllowed(RegistrationStatus from, RegistrationStatus to)
    {
        if (from == to)
        {
            return true;
        }

        return from switch
        {
            RegistrationStatus.Discovered => to is RegistrationStatus.TokenIssued or RegistrationStatus.Failed or RegistrationStatus.Skipped,
            RegistrationStatus.TokenIssued => to is RegistrationStatus.Submitted or RegistrationStatus.Failed or RegistrationStatus.Skipped,
            RegistrationStatus.Submitted => to is RegistrationStatus.Registered or RegistrationStatus.Failed or RegistrationStatus.Skipped,
            RegistrationStatus.Failed => to is RegistrationStatus.Discovered or RegistrationStatus.TokenIssued or RegistrationStatus.Submitted or RegistrationStatus.Skipped,
            RegistrationStatus.Skipped => to is RegistrationStatus.Discovered,
            _ => false,
        };
    }

    /// <summary>Whether no further move is possible (only <see cref="RegistrationStatus.Registered"/>).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for terminal statuses.</returns>
    public static bool IsTerminal(RegistrationStatus status)
    {
        return status == RegistrationStatus.Registered;
    }

    /// <summary>Whether a worker has something to do for a record in this status.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for discovered, token_issued and submitted.</returns>
    public static bool IsActionable(RegistrationStatus status)
    {
        return status is RegistrationStatus.Discovered or RegistrationStatus.TokenIssued or RegistrationStatus.Submitted;
    }
}
