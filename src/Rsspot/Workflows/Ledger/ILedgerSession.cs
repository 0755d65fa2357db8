namespace Rsspot.Workflows.Ledger;

/// <summary>
/// One transaction of a ledger backend: rows read through it stay locked against other writers until it ends,
/// and <see cref="Now"/> is the backend's clock (the database's, for a shared ledger).
/// </summary>
internal interface ILedgerSession : IAsyncDisposable
{
    /// <summary>The time of this transaction, by the ledger's clock.</summary>
    DateTimeOffset Now { get; }

    Task<RegistrationRecord?> LockAsync(string key, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> rows in <paramref name="statuses"/> with no live lease of another worker, oldest first, skipping rows other transactions hold.</summary>
    Task<IReadOnlyList<RegistrationRecord>> LockClaimableAsync(string owner, int max, IReadOnlyCollection<RegistrationStatus> statuses, CancellationToken cancellationToken);

    /// <summary>
    /// Every row of one org and external cluster, read after any concurrent reconcile of that cluster has ended
    /// (rows are not locked: reconcile writes them by compare-and-set).
    /// </summary>
    Task<IReadOnlyList<RegistrationRecord>> LockClusterAsync(string orgId, string? omniCluster, CancellationToken cancellationToken);

    /// <summary>Inserts the row unless its key exists; <see langword="false"/> when it did.</summary>
    Task<bool> InsertAsync(RegistrationRecord record, CancellationToken cancellationToken);

    /// <summary>Writes the row if it is still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> CompareAndSetAsync(RegistrationRecord record, long expectedVersion, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
