using Rsspot.State;
using Rsspot.Workflows.Ledger;

namespace Rsspot.Workflows;

/// <summary>
/// The registration ledger in the <c>registration_ledger</c> table of a <see cref="StateStore"/> (state.db): every
/// change is one <c>BEGIN IMMEDIATE</c> transaction, so threads and processes on one machine can share it. Leases
/// run on <see cref="TimeProvider"/>. The table is the one the Python rsspot keeps: the records it wrote are listed,
/// honoured (a registered VM is never submitted again) and moved on like this tool's own.
/// </summary>
public sealed class SqliteRegistrationLedger : IRegistrationLedger
{
    private readonly StateStore _store;
    private readonly TimeProvider _time;
    private readonly LedgerOperations _operations;

    /// <summary>Creates the ledger over a state store.</summary>
    /// <param name="store">The state store holding the ledger.</param>
    /// <param name="timeProvider">The clock of leases and timestamps; the system clock when <see langword="null"/>.</param>
    public SqliteRegistrationLedger(StateStore store, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        _operations = new LedgerOperations(_ => Task.FromResult<RegistrationLedgerSession>(new SqliteLedgerSession(_store, _time.GetUtcNow())));
    }

    /// <inheritdoc/>
    public Task<RegistrationRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Task.FromResult(_store.Read(c => SqliteLedgerRows.Get(c, null, key)));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> ListAsync(IReadOnlyCollection<RegistrationStatus>? statuses = null, string? vmCloudspace = null, CancellationToken cancellationToken = default)
    {
        var parameters = (statuses ?? []).Distinct().Select((status, i) => ($"$s{i}", (object?)status.ToText())).ToList();
        var conditions = new List<string>();
        if (parameters.Count > 0)
        {
            conditions.Add($"status IN ({string.Join(", ", parameters.Select(p => p.Item1))})");
        }

        if (vmCloudspace is not null)
        {
            conditions.Add("vmcloudspace = $cs");
            parameters.Add(("$cs", vmCloudspace));
        }

        string where = (conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : string.Empty) + " ORDER BY " + SqliteLedgerRows.Oldest;
        return Task.FromResult<IReadOnlyList<RegistrationRecord>>(_store.Read(c => SqliteLedgerRows.Query(c, null, where, [.. parameters])));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> ListStaleClaimsAsync(CancellationToken cancellationToken = default)
    {
        double now = SqliteLedgerRows.Time(_time.GetUtcNow());
        return Task.FromResult<IReadOnlyList<RegistrationRecord>>(_store.Read(c => SqliteLedgerRows.Query(
            c,
            null,
            "WHERE lease_owner IS NOT NULL AND lease_expires_at <= $now ORDER BY lease_expires_at, registration_key",
            ("$now", now))));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> DiscoverAsync(IEnumerable<RegistrationCandidate> candidates, CancellationToken cancellationToken = default) =>
        _operations.DiscoverAsync(candidates, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> ClaimNextAsync(string owner, int max, TimeSpan lease, IReadOnlyCollection<RegistrationStatus>? statuses = null, CancellationToken cancellationToken = default) =>
        _operations.ClaimNextAsync(owner, max, lease, statuses, cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord?> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        _operations.TryClaimAsync(key, owner, lease, cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord> RenewAsync(string key, string owner, TimeSpan lease, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        _operations.RenewAsync(key, owner, lease, expectedVersion, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken = default) =>
        _operations.ReleaseAsync(key, owner, cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord> TransitionAsync(string key, RegistrationStatus to, TransitionDetails? details = null, CancellationToken cancellationToken = default) =>
        _operations.TransitionAsync(key, to, details, cancellationToken);

    /// <inheritdoc/>
    public Task<ReconcileResult> ReconcileAsync(string orgId, string? omniCluster, IReadOnlyList<RegistrationCandidate> candidates, CancellationToken cancellationToken = default) =>
        _operations.ReconcileAsync(orgId, omniCluster, candidates, cancellationToken);
}
