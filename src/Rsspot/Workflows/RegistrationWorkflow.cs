using Rsspot.State;

namespace Rsspot.Workflows;

/// <summary>
/// Idempotent VM registration bookkeeping for controllers that register Spot VMs with an external system (Sidero
/// Omni or similar), over an <see cref="IRegistrationLedger"/>: state.db by default, or a shared database for
/// replicas on several machines. Every change is atomic with a compare-and-set on the record version, so several
/// workers can share one ledger: claims are leases that expire when a worker dies. Each operation has a blocking
/// form and an <c>Async</c> form.
/// </summary>
public sealed class RegistrationWorkflow
{
    /// <summary>Creates the workflow over the ledger in a state store (state.db).</summary>
    /// <param name="store">The state store holding the ledger.</param>
    /// <param name="timeProvider">The clock (leases, timestamps); the system clock when <see langword="null"/>.</param>
    /// <param name="leaseDuration">How long a claim lasts unless renewed; 5 minutes when <see langword="null"/>.</param>
    public RegistrationWorkflow(StateStore store, TimeProvider? timeProvider = null, TimeSpan? leaseDuration = null)
        : this(new SqliteRegistrationLedger(store, timeProvider), leaseDuration)
    {
        Clock = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates the workflow over any ledger.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="leaseDuration">How long a claim lasts unless renewed; 5 minutes when <see langword="null"/>.</param>
    public RegistrationWorkflow(IRegistrationLedger ledger, TimeSpan? leaseDuration = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Ledger = ledger;
        LeaseDuration = leaseDuration ?? TimeSpan.FromMinutes(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseDuration, TimeSpan.Zero, nameof(leaseDuration));
    }

    /// <summary>The ledger the records live in.</summary>
    public IRegistrationLedger Ledger { get; }

    /// <summary>How long a claim lasts unless renewed.</summary>
    public TimeSpan LeaseDuration { get; }

    /// <summary>When failed VMs are tried again and when they are given up; <see cref="RegistrationRetryPolicy.Default"/> unless set.</summary>
    public RegistrationRetryPolicy RetryPolicy { get; init; } = RegistrationRetryPolicy.Default;

    /// <summary>The clock that decides when a failed VM is due again; the system clock unless set.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The reason recorded on a move out of failed made to try a VM again (it does not reset its attempts).</summary>
    public const string RetryReason = "retry";

    /// <summary>
    /// One candidate per assigned server of each VM cloudspace: vm uid = serverName (or the map key), vm name =
    /// displayName (or serverName), pool = nodePoolName; the key is <see cref="RegistrationKey.Compute"/>.
    /// </summary>
    /// <param name="orgId">The organization id.</param>
    /// <param name="cloudspaces">The VM cloudspaces.</param>
    /// <param name="omniCluster">The external cluster the VMs join, if any.</param>
    /// <returns>The candidates, in input order.</returns>
    public static IReadOnlyList<RegistrationCandidate> ListCandidates(string orgId, IEnumerable<VmCloudspaceSnapshot> cloudspaces, string? omniCluster = null)
    {
        ArgumentNullException.ThrowIfNull(orgId);
        ArgumentNullException.ThrowIfNull(cloudspaces);
        var candidates = new List<RegistrationCandidate>();
        foreach (VmCloudspaceSnapshot cloudspace in cloudspaces)
        {
            foreach (AssignedVm vm in cloudspace.Servers)
            {
                string uid = string.IsNullOrEmpty(vm.ServerName) ? vm.Key : vm.ServerName;
                string name = !string.IsNullOrEmpty(vm.DisplayName) ? vm.DisplayName : uid;
                string? pool = string.IsNullOrEmpty(vm.NodePoolName) ? null : vm.NodePoolName;
                string key = RegistrationKey.Compute(uid, orgId, cloudspace.Name, pool, omniCluster);
                candidates.Add(new RegistrationCandidate(key, uid, orgId, cloudspace.Name, pool, name, omniCluster));
            }
        }

        return candidates;
    }

    /// <summary>Records a candidate as discovered; an existing record is returned unchanged (idempotent).</summary>
    /// <param name="candidate">The candidate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    public async Task<RegistrationRecord> DiscoverAsync(RegistrationCandidate candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        IReadOnlyList<RegistrationRecord> records = await Ledger.DiscoverAsync([candidate], cancellationToken).ConfigureAwait(false);
        return records[0];
    }

    /// <inheritdoc cref="DiscoverAsync"/>
    public RegistrationRecord Discover(RegistrationCandidate candidate, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => DiscoverAsync(candidate, cancellationToken), nameof(DiscoverAsync));

    /// <summary>The record with this key, or <see langword="null"/>.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record or <see langword="null"/>.</returns>
    public Task<RegistrationRecord?> GetAsync(string key, CancellationToken cancellationToken = default) => Ledger.GetAsync(key, cancellationToken);

    /// <inheritdoc cref="GetAsync"/>
    public RegistrationRecord? Get(string key, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => GetAsync(key, cancellationToken), nameof(GetAsync));

    /// <summary>All records, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    public Task<IReadOnlyList<RegistrationRecord>> ListAsync(CancellationToken cancellationToken = default) => Ledger.ListAsync(null, null, cancellationToken);

    /// <inheritdoc cref="ListAsync"/>
    public IReadOnlyList<RegistrationRecord> List(CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListAsync(cancellationToken), nameof(ListAsync));

    /// <summary>Records in any of the given statuses, oldest first (none when no status is given).</summary>
    /// <param name="statuses">The statuses.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    public async Task<IReadOnlyList<RegistrationRecord>> ListByStatusAsync(IReadOnlyCollection<RegistrationStatus> statuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return statuses.Count == 0 ? [] : await Ledger.ListAsync(statuses, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records in any of the given statuses, oldest first (none when no status is given).</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<RegistrationRecord> ListByStatus(params RegistrationStatus[] statuses) =>
        SyncOverAsync.Run(() => ListByStatusAsync(statuses), nameof(ListByStatusAsync));

    /// <summary>Records of one VM cloudspace, oldest first.</summary>
    /// <param name="vmCloudspace">The VM cloudspace name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    public Task<IReadOnlyList<RegistrationRecord>> ListByCloudspaceAsync(string vmCloudspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vmCloudspace);
        return Ledger.ListAsync(null, vmCloudspace, cancellationToken);
    }

    /// <inheritdoc cref="ListByCloudspaceAsync"/>
    public IReadOnlyList<RegistrationRecord> ListByCloudspace(string vmCloudspace, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListByCloudspaceAsync(vmCloudspace, cancellationToken), nameof(ListByCloudspaceAsync));

    /// <summary>Records whose claim has expired without being released (their worker probably died).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    public Task<IReadOnlyList<RegistrationRecord>> ListStaleClaimsAsync(CancellationToken cancellationToken = default) => Ledger.ListStaleClaimsAsync(cancellationToken);

    /// <inheritdoc cref="ListStaleClaimsAsync"/>
    public IReadOnlyList<RegistrationRecord> ListStaleClaims(CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListStaleClaimsAsync(cancellationToken), nameof(ListStaleClaimsAsync));

    /// <summary>
    /// Claims one record for <paramref name="owner"/> for <see cref="LeaseDuration"/>, unless another worker holds
    /// a live claim or the record is registered. Claiming a record one already holds renews the lease.
    /// </summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">A unique worker id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed record, or <see langword="null"/> when someone else holds it (or it is registered).</returns>
    /// <exception cref="RegistrationNotFoundException">No record has this key.</exception>
    public Task<RegistrationRecord?> TryClaimAsync(string key, string owner, CancellationToken cancellationToken = default) =>
        Ledger.TryClaimAsync(key, owner, LeaseDuration, cancellationToken);

    /// <inheritdoc cref="TryClaimAsync"/>
    public RegistrationRecord? TryClaim(string key, string owner, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => TryClaimAsync(key, owner, cancellationToken), nameof(TryClaimAsync));

    /// <summary>
    /// Claims up to <paramref name="max"/> unclaimed records in the given statuses (discovered, token_issued and
    /// submitted when none is given), oldest first. Each record is claimed by exactly one worker.
    /// </summary>
    /// <param name="owner">A unique worker id.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="statuses">Statuses to pick from; actionable ones when <see langword="null"/> or empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records now claimed by <paramref name="owner"/>.</returns>
    public Task<IReadOnlyList<RegistrationRecord>> ClaimNextAsync(string owner, int max = 1, IReadOnlyCollection<RegistrationStatus>? statuses = null, CancellationToken cancellationToken = default) =>
        Ledger.ClaimNextAsync(owner, max, LeaseDuration, statuses, cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> unclaimed records in the given statuses (discovered, token_issued and
    /// submitted when none is given), oldest first. Each record is claimed by exactly one worker.
    /// </summary>
    /// <param name="owner">A unique worker id.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="statuses">Statuses to pick from; actionable ones when empty.</param>
    /// <returns>The records now claimed by <paramref name="owner"/>.</returns>
    public IReadOnlyList<RegistrationRecord> ClaimNext(string owner, int max = 1, params RegistrationStatus[] statuses) =>
        SyncOverAsync.Run(() => ClaimNextAsync(owner, max, statuses), nameof(ClaimNextAsync));

    /// <summary>Extends <paramref name="owner"/>'s claim by <see cref="LeaseDuration"/> from now.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">The worker id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    /// <exception cref="RegistrationConflictException">The claim was lost to another worker.</exception>
    public Task<RegistrationRecord> RenewLeaseAsync(string key, string owner, CancellationToken cancellationToken = default) =>
        CountLeaseLossAsync(Ledger.RenewAsync(key, owner, LeaseDuration, null, cancellationToken));

    /// <summary>
    /// The fence before every external call for a claimed record: renews <paramref name="owner"/>'s claim only if
    /// the record is still at the version <paramref name="held"/> has and still carries that claim (expired or not).
    /// A worker that paused past its lease while another worker acted gets a conflict and must make no call.
    /// </summary>
    /// <param name="held">The record as this worker last read or wrote it.</param>
    /// <param name="owner">The worker id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, one version on (pass it to the next fenced move).</returns>
    /// <exception cref="RegistrationConflictException">The claim was taken over or released: leave the VM alone.</exception>
    public Task<RegistrationRecord> RenewLeaseAsync(RegistrationRecord held, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        return CountLeaseLossAsync(Ledger.RenewAsync(held.Key, owner, LeaseDuration, held.Version, cancellationToken));
    }

    /// <inheritdoc cref="RenewLeaseAsync(string, string, CancellationToken)"/>
    public RegistrationRecord RenewLease(string key, string owner, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => RenewLeaseAsync(key, owner, cancellationToken), nameof(RenewLeaseAsync));

    /// <summary>Releases <paramref name="owner"/>'s claim.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">The worker id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when <paramref name="owner"/> did not hold the claim.</returns>
    public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken = default) => Ledger.ReleaseAsync(key, owner, cancellationToken);

    /// <inheritdoc cref="ReleaseAsync"/>
    public bool Release(string key, string owner, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ReleaseAsync(key, owner, cancellationToken), nameof(ReleaseAsync));

    /// <summary>
    /// Moves a record to <paramref name="to"/>. Moving to the current status is a no-op that returns the record
    /// unchanged; an illegal move throws. Moving to registered or skipped releases the claim.
    /// </summary>
    /// <param name="key">The registration key.</param>
    /// <param name="to">The target status.</param>
    /// <param name="details">Reason, error, token id/expiry, payload, owner and expected version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record after the move.</returns>
    /// <exception cref="IllegalTransitionException">The state machine forbids the move.</exception>
    /// <exception cref="RegistrationConflictException">The expected version differs, or another worker holds a live claim.</exception>
    /// <exception cref="RegistrationNotFoundException">No record has this key.</exception>
    public Task<RegistrationRecord> TransitionAsync(string key, RegistrationStatus to, TransitionDetails? details = null, CancellationToken cancellationToken = default)
    {
        Task<RegistrationRecord> move = Ledger.TransitionAsync(key, to, details, cancellationToken);
        return details?.Owner is null ? move : CountLeaseLossAsync(move);
    }

    /// <inheritdoc cref="TransitionAsync"/>
    public RegistrationRecord Transition(string key, RegistrationStatus to, TransitionDetails? details = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => TransitionAsync(key, to, details, cancellationToken), nameof(TransitionAsync));

    /// <summary>Moves a record to token_issued, storing the token's id and expiry (never the token).</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="tokenId">The token id.</param>
    /// <param name="expiresAt">The token expiry.</param>
    /// <param name="owner">The worker, if claimed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    public Task<RegistrationRecord> MarkTokenIssuedAsync(string key, string tokenId, DateTimeOffset expiresAt, string? owner = null, CancellationToken cancellationToken = default) =>
        TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { TokenId = tokenId, TokenExpiresAt = expiresAt, Owner = owner }, cancellationToken);

    /// <inheritdoc cref="MarkTokenIssuedAsync"/>
    public RegistrationRecord MarkTokenIssued(string key, string tokenId, DateTimeOffset expiresAt, string? owner = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => MarkTokenIssuedAsync(key, tokenId, expiresAt, owner, cancellationToken), nameof(MarkTokenIssuedAsync));

    /// <summary>Moves a record to failed, keeping <paramref name="error"/>.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="error">What went wrong (must not contain secrets).</param>
    /// <param name="owner">The worker, if claimed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    public async Task<RegistrationRecord> MarkFailedAsync(string key, string error, string? owner = null, CancellationToken cancellationToken = default)
    {
        RegistrationRecord failed = await TransitionAsync(key, RegistrationStatus.Failed, new TransitionDetails { Error = error, Owner = owner }, cancellationToken).ConfigureAwait(false);
        if (RegistrationTelemetry.Backoff.Enabled)
        {
            RegistrationTelemetry.Backoff.Record(RetryPolicy.DelayAfter(key, RegistrationRetryPolicy.FailuresSinceDiscovered(failed)).TotalSeconds, RegistrationTelemetry.Component("vm"));
        }

        return failed;
    }

    /// <inheritdoc cref="MarkFailedAsync"/>
    public RegistrationRecord MarkFailed(string key, string error, string? owner = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => MarkFailedAsync(key, error, owner, cancellationToken), nameof(MarkFailedAsync));

    /// <summary>Moves a record to skipped.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="reason">Why.</param>
    /// <param name="owner">The worker, if claimed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    public Task<RegistrationRecord> MarkSkippedAsync(string key, string reason, string? owner = null, CancellationToken cancellationToken = default) =>
        TransitionAsync(key, RegistrationStatus.Skipped, new TransitionDetails { Reason = reason, Owner = owner }, cancellationToken);

    /// <inheritdoc cref="MarkSkippedAsync"/>
    public RegistrationRecord MarkSkipped(string key, string reason, string? owner = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => MarkSkippedAsync(key, reason, owner, cancellationToken), nameof(MarkSkippedAsync));

    /// <summary>
    /// Brings the ledger in line with the VMs that exist now, for one org and external cluster, atomically:
    /// new VMs are recorded as discovered; VMs that vanished are skipped with reason <c>vanished</c> (registered
    /// ones are reported, not changed); vanished VMs that came back return to discovered.
    /// </summary>
    /// <param name="orgId">The organization id.</param>
    /// <param name="cloudspaces">All current VM cloudspaces of the org.</param>
    /// <param name="omniCluster">The external cluster, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What changed.</returns>
    public Task<ReconcileResult> ReconcileAsync(string orgId, IEnumerable<VmCloudspaceSnapshot> cloudspaces, string? omniCluster = null, CancellationToken cancellationToken = default) =>
        Ledger.ReconcileAsync(orgId, omniCluster, ListCandidates(orgId, cloudspaces, omniCluster), cancellationToken);

    /// <inheritdoc cref="ReconcileAsync"/>
    public ReconcileResult Reconcile(string orgId, IEnumerable<VmCloudspaceSnapshot> cloudspaces, string? omniCluster = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ReconcileAsync(orgId, cloudspaces, omniCluster, cancellationToken), nameof(ReconcileAsync));

    /// <summary>The reason recorded when reconcile skips a VM that no longer exists.</summary>
    public const string VanishedReason = "vanished";

    /// <summary>
    /// Claims up to <paramref name="max"/> records with work to do now: discovered, token_issued and submitted
    /// ones (as <see cref="ClaimNextAsync"/>), and failed ones whose next attempt is due by <see cref="RetryPolicy"/>
    /// (a failed VM waits out its backoff instead of coming back every round). Rows another transaction holds
    /// are skipped, never waited for.
    /// </summary>
    /// <param name="owner">A unique worker id.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records now claimed by <paramref name="owner"/>, failed ones last.</returns>
    public async Task<IReadOnlyList<RegistrationRecord>> ClaimDueAsync(string owner, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        List<RegistrationRecord> claimed = [.. await Ledger.ClaimNextAsync(owner, max, LeaseDuration, null, cancellationToken).ConfigureAwait(false)];
        if (claimed.Count >= max)
        {
            return claimed;
        }

        DateTimeOffset now = Clock.GetUtcNow();
        IEnumerable<RegistrationRecord> due = (await Ledger.ListAsync([RegistrationStatus.Failed], null, cancellationToken).ConfigureAwait(false))
            .Where(r => !r.IsClaimed(now) || r.LeaseOwner == owner)
            .Select(r => (Record: r, At: RetryPolicy.NextAttemptAt(r) ?? now))
            .Where(x => x.At <= now)
            .OrderBy(x => x.At)
            .Select(x => x.Record);
        foreach (RegistrationRecord record in due)
        {
            if (claimed.Count >= max)
            {
                break;
            }

            if (await Ledger.TryClaimAsync(record.Key, owner, LeaseDuration, cancellationToken).ConfigureAwait(false) is { Status: RegistrationStatus.Failed } mine)
            {
                claimed.Add(mine);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Takes a claimed failed record back to the step that failed (to discovered when its join token has expired),
    /// fenced on <paramref name="failed"/>'s version, or skips it once <see cref="RetryPolicy"/> gives it up.
    /// </summary>
    /// <param name="failed">The failed record as claimed.</param>
    /// <param name="owner">The worker holding the claim.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record after the move.</returns>
    /// <exception cref="RegistrationConflictException">The claim was taken over or released meanwhile.</exception>
    public Task<RegistrationRecord> RetryAsync(RegistrationRecord failed, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failed);
        int failures = RegistrationRetryPolicy.FailuresSinceDiscovered(failed);
        if (RetryPolicy.IsExhausted(failed))
        {
            return TransitionAsync(failed.Key, RegistrationStatus.Skipped, new TransitionDetails { Reason = $"gave up after {failures} failures", Owner = owner, ExpectedVersion = failed.Version }, cancellationToken);
        }

        RegistrationStatus failedAt = failed.History.LastOrDefault(h => h.To == RegistrationStatus.Failed)?.From ?? RegistrationStatus.Discovered;
        bool tokenLive = failed.TokenExpiresAt is { } expires && expires > Clock.GetUtcNow();
        RegistrationStatus target = failedAt is RegistrationStatus.TokenIssued or RegistrationStatus.Submitted && tokenLive ? failedAt : RegistrationStatus.Discovered;
        return TransitionAsync(failed.Key, target, new TransitionDetails { Reason = RetryReason, Owner = owner, ExpectedVersion = failed.Version }, cancellationToken);
    }

    /// <summary>
    /// Counts a duplicate answer of the external system for a VM this ledger had not submitted (the
    /// <c>rsspot.registration.foreign_duplicates</c> metric): another ledger, or someone else, registers the same
    /// VMs. Log it as a warning with the key too.
    /// </summary>
    /// <param name="key">The registration key.</param>
    public static void ReportForeignDuplicate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        RegistrationTelemetry.ForeignDuplicates.Add(1);
    }

    private static async Task<RegistrationRecord> CountLeaseLossAsync(Task<RegistrationRecord> operation)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        catch (RegistrationConflictException)
        {
            RegistrationTelemetry.LeaseLosses.Add(1);
            throw;
        }
    }
}
