namespace Rsspot.Workflows.Ledger;

/// <summary>
/// The supported way to keep the registration ledger in another store: derive from this class, open a
/// <see cref="RegistrationLedgerSession"/> per transaction in <see cref="BeginSessionAsync"/> and answer the three
/// reads; every write (discover, claim, renew, release, transition, reconcile) is implemented here with the SDK's
/// rules: the state machine, leases, fencing by owner and version, and compare-and-set. The same contract suite
/// runs against every implementation.
/// </summary>
public abstract class RegistrationLedger : IRegistrationLedger
{
    private readonly LedgerOperations _operations;

    /// <summary>Creates the ledger.</summary>
    protected RegistrationLedger()
    {
        _operations = new LedgerOperations(BeginSessionAsync);
    }

    /// <summary>
    /// The smallest time step the store keeps (times are truncated to it before they are stored, so a record
    /// returned equals the record read back); one tick by default, one microsecond for PostgreSQL.
    /// </summary>
    protected virtual TimeSpan TimeResolution => TimeSpan.FromTicks(1);

    /// <inheritdoc/>
    public abstract Task<RegistrationRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract Task<IReadOnlyList<RegistrationRecord>> ListAsync(IReadOnlyCollection<RegistrationStatus>? statuses = null, string? vmCloudspace = null, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract Task<IReadOnlyList<RegistrationRecord>> ListStaleClaimsAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> DiscoverAsync(IEnumerable<RegistrationCandidate> candidates, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _operations.DiscoverAsync(candidates, ct), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> ClaimNextAsync(string owner, int max, TimeSpan lease, IReadOnlyCollection<RegistrationStatus>? statuses = null, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _operations.ClaimNextAsync(owner, max, Truncate(lease), statuses, ct), cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord?> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _operations.TryClaimAsync(key, owner, Truncate(lease), ct), cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord> RenewAsync(string key, string owner, TimeSpan lease, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _operations.RenewAsync(key, owner, Truncate(lease), expectedVersion, ct), cancellationToken);

    /// <inheritdoc/>
    public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _operations.ReleaseAsync(key, owner, ct), cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord> TransitionAsync(string key, RegistrationStatus to, TransitionDetails? details = null, CancellationToken cancellationToken = default)
    {
        TransitionDetails? stored = details?.TokenExpiresAt is { } expires ? details with { TokenExpiresAt = expires.AddTicks(-(expires.Ticks % TimeResolution.Ticks)) } : details;
        return RunAsync(ct => _operations.TransitionAsync(key, to, stored, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReconcileResult> ReconcileAsync(string orgId, string? omniCluster, IReadOnlyList<RegistrationCandidate> candidates, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _operations.ReconcileAsync(orgId, omniCluster, candidates, ct), cancellationToken);

    /// <summary>Opens one transaction on the store.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session; the caller disposes it.</returns>
    protected abstract Task<RegistrationLedgerSession> BeginSessionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs one ledger operation; override to turn store failures into the exception callers should see (for
    /// example a <see cref="State.StateStoreException"/> that names the server but not its password). The SDK's
    /// own exceptions (conflicts, illegal moves, missing records) pass through unchanged.
    /// </summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    protected virtual Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation(cancellationToken);
    }

    private TimeSpan Truncate(TimeSpan lease) => TimeSpan.FromTicks(lease.Ticks - (lease.Ticks % TimeResolution.Ticks));
}
