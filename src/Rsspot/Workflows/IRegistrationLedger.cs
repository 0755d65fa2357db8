namespace Rsspot.Workflows;

/// <summary>
/// Where registration records live: <see cref="SqliteRegistrationLedger"/> (state.db, the default) or a shared
/// database for controllers on several machines (the <c>Rsspot.Postgres</c> package). Every change is atomic and
/// validated by <see cref="RegistrationTransitions"/>; each record carries a version for compare-and-set, and a
/// claim is a lease that expires by the ledger's own clock. To keep the ledger in another store, derive from
/// <see cref="Ledger.RegistrationLedger"/>: it implements every write with these rules over a session of yours.
/// </summary>
public interface IRegistrationLedger
{
    /// <summary>The record with this key, or <see langword="null"/>.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record or <see langword="null"/>.</returns>
    Task<RegistrationRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Records, oldest first, optionally only in some statuses and/or one VM cloudspace.</summary>
    /// <param name="statuses">Only these statuses; all when <see langword="null"/> or empty.</param>
    /// <param name="vmCloudspace">Only this VM cloudspace; all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<RegistrationRecord>> ListAsync(IReadOnlyCollection<RegistrationStatus>? statuses = null, string? vmCloudspace = null, CancellationToken cancellationToken = default);

    /// <summary>Records whose claim has expired without being released (their worker probably died).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records, oldest lease first.</returns>
    Task<IReadOnlyList<RegistrationRecord>> ListStaleClaimsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records each candidate as discovered unless it is already known (then its record is returned unchanged).</summary>
    /// <param name="candidates">The candidates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One record per distinct key, in input order.</returns>
    Task<IReadOnlyList<RegistrationRecord>> DiscoverAsync(IEnumerable<RegistrationCandidate> candidates, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> records in <paramref name="statuses"/>, oldest first, that nobody else
    /// holds a live lease on. No record is ever handed to two workers at once.
    /// </summary>
    /// <param name="owner">A unique worker id.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="lease">How long the claims last unless renewed.</param>
    /// <param name="statuses">Statuses to pick from; the actionable ones when <see langword="null"/> or empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records now claimed by <paramref name="owner"/>.</returns>
    Task<IReadOnlyList<RegistrationRecord>> ClaimNextAsync(string owner, int max, TimeSpan lease, IReadOnlyCollection<RegistrationStatus>? statuses = null, CancellationToken cancellationToken = default);

    /// <summary>Claims one record unless another worker holds a live lease or it is registered; renews one's own claim.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">A unique worker id.</param>
    /// <param name="lease">How long the claim lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed record, or <see langword="null"/> when someone else holds it (or it is registered).</returns>
    /// <exception cref="RegistrationNotFoundException">No record has this key.</exception>
    Task<RegistrationRecord?> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends <paramref name="owner"/>'s claim by <paramref name="lease"/> from now. With
    /// <paramref name="expectedVersion"/> it is a fence: it succeeds only while the record is still at that version
    /// and still carries <paramref name="owner"/>'s claim (expired or not), so a worker that paused past its lease
    /// learns that another worker acted before it makes an external call. Without it, a free record is claimed.
    /// </summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">The worker id.</param>
    /// <param name="lease">The new lease length.</param>
    /// <param name="expectedVersion">The version the worker last read or wrote, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    /// <exception cref="RegistrationConflictException">The claim was lost to another worker, or released.</exception>
    Task<RegistrationRecord> RenewAsync(string key, string owner, TimeSpan lease, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Releases <paramref name="owner"/>'s claim.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">The worker id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when <paramref name="owner"/> did not hold the claim.</returns>
    Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a record to <paramref name="to"/> (compare-and-set on <see cref="TransitionDetails.ExpectedVersion"/>
    /// when given). With <see cref="TransitionDetails.Owner"/> the record must still carry that worker's claim (live
    /// or expired, but not taken over or released), a same-status move too. Moving to the current status is
    /// otherwise a no-op; an illegal move throws; registered and skipped release the claim.
    /// </summary>
    /// <param name="key">The registration key.</param>
    /// <param name="to">The target status.</param>
    /// <param name="details">Reason, error, token id/expiry, payload, owner and expected version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record after the move.</returns>
    /// <exception cref="IllegalTransitionException">The state machine forbids the move.</exception>
    /// <exception cref="RegistrationConflictException">The expected version differs, or another worker holds a live claim.</exception>
    /// <exception cref="RegistrationNotFoundException">No record has this key.</exception>
    Task<RegistrationRecord> TransitionAsync(string key, RegistrationStatus to, TransitionDetails? details = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the records of one org and external cluster in line with <paramref name="candidates"/> (all VMs that
    /// exist now), atomically: new ones are discovered, missing ones skipped as <c>vanished</c> (registered ones
    /// are reported, not changed), vanished ones that came back return to discovered.
    /// </summary>
    /// <param name="orgId">The organization id.</param>
    /// <param name="omniCluster">The external cluster, if any.</param>
    /// <param name="candidates">Every current candidate of that org and cluster.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What changed.</returns>
    Task<ReconcileResult> ReconcileAsync(string orgId, string? omniCluster, IReadOnlyList<RegistrationCandidate> candidates, CancellationToken cancellationToken = default);
}
