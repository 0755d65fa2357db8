namespace Rsspot.Workflows.Ledger;

/// <summary>
/// One transaction of a ledger backend, the storage half of a <see cref="RegistrationLedger"/>: rows read through
/// it stay locked against other writers until it ends, and <see cref="Now"/> is the backend's clock (the
/// database's, for a shared ledger). The decisions (claims, fencing, the state machine, reconcile) are the SDK's:
/// a backend only reads, locks, inserts and compare-and-sets rows. Disposing without <see cref="CommitAsync"/>
/// rolls back.
/// </summary>
public abstract class RegistrationLedgerSession : IAsyncDisposable
{
    /// <summary>The time of this transaction, by the ledger's clock.</summary>
    public abstract DateTimeOffset Now { get; }

    /// <summary>The row with this key, locked until the transaction ends (waiting for another transaction's lock, within the backend's lock timeout).</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or <see langword="null"/> when no row has the key.</returns>
    public abstract Task<RegistrationRecord?> LockAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The row with this key, locked, unless another transaction holds it (then <see langword="null"/> at once, as
    /// for a missing row): claims never wait for a stuck session. A backend whose transactions lock the whole
    /// store (sqlite) has no such rows; the default is <see cref="LockAsync"/>.
    /// </summary>
    /// <param name="key">The registration key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public virtual Task<RegistrationRecord?> TryLockAsync(string key, CancellationToken cancellationToken) => LockAsync(key, cancellationToken);

    /// <summary>Whether a row has this key, without locking or waiting for a lock.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the row exists.</returns>
    public virtual async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        await LockAsync(key, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Up to <paramref name="max"/> rows in <paramref name="statuses"/> with no live lease of another worker (lease
    /// owner empty, expired, or <paramref name="owner"/>), oldest first (creation time, then key), locked, skipping
    /// rows other transactions hold (<c>FOR UPDATE SKIP LOCKED</c>).
    /// </summary>
    /// <param name="owner">The claiming worker.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="statuses">The statuses to pick from (never empty).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows.</returns>
    public abstract Task<IReadOnlyList<RegistrationRecord>> LockClaimableAsync(string owner, int max, IReadOnlyCollection<RegistrationStatus> statuses, CancellationToken cancellationToken);

    /// <summary>
    /// Every row of one org and external cluster, read after any concurrent reconcile of that cluster has ended
    /// (rows need not be locked: reconcile writes them by compare-and-set).
    /// </summary>
    /// <param name="orgId">The organization id.</param>
    /// <param name="omniCluster">The external cluster; <see langword="null"/> and empty are the same.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows.</returns>
    public abstract Task<IReadOnlyList<RegistrationRecord>> LockClusterAsync(string orgId, string? omniCluster, CancellationToken cancellationToken);

    /// <summary>Inserts the row unless its key exists.</summary>
    /// <param name="record">The row.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when a row had the key.</returns>
    public abstract Task<bool> InsertAsync(RegistrationRecord record, CancellationToken cancellationToken);

    /// <summary>Writes the whole row if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="record">The row as it should be (its version already advanced).</param>
    /// <param name="expectedVersion">The version the row must have now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the row had another version.</returns>
    public abstract Task<bool> CompareAndSetAsync(RegistrationRecord record, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Commits the transaction.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when committed.</returns>
    public abstract Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Ends the transaction (rolled back unless committed) and frees its connection.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Ends the transaction and frees its connection.</summary>
    /// <returns>A task that completes when done.</returns>
    protected abstract ValueTask DisposeAsyncCore();
}
