namespace Rsspot.Workflows;

/// <summary>
/// Where a VM is in its registration. Normal path: <see cref="Discovered"/> → <see cref="TokenIssued"/> →
/// <see cref="Submitted"/> → <see cref="Registered"/>. See <see cref="RegistrationTransitions"/> for every legal move.
/// </summary>
public enum RegistrationStatus
{
    /// <summary>Seen in a VM cloudspace; nothing done yet.</summary>
    Discovered,

    /// <summary>A join token was issued (its id and expiry are stored, never the token).</summary>
    TokenIssued,

    /// <summary>Submitted to the external system; waiting for it to confirm.</summary>
    Submitted,

    /// <summary>Registered: terminal.</summary>
    Registered,

    /// <summary>A step failed; the error is kept and the record can be retried from an earlier state.</summary>
    Failed,

    /// <summary>Deliberately left out (or vanished); can be re-discovered.</summary>
    Skipped,
}
