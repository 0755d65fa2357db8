using Microsoft.Data.Sqlite;
using Rsspot.State;

namespace Rsspot.Workflows.Ledger;

/// <summary>A <c>BEGIN IMMEDIATE</c> transaction on state.db: it holds the write lock, so every row it reads is locked.</summary>
internal sealed class SqliteLedgerSession : RegistrationLedgerSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    public SqliteLedgerSession(StateStore store, DateTimeOffset now)
    {
        _connection = store.OpenConnection();
        try
        {
            _transaction = _connection.BeginTransaction(deferred: false);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        // Times are kept to the microsecond: records built from this clock equal what is read back.
        Now = StateTime.Truncate(now);
    }

    public override DateTimeOffset Now { get; }

    public override Task<RegistrationRecord?> LockAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteLedgerRows.Get(_connection, _transaction, key));

    public override Task<IReadOnlyList<RegistrationRecord>> LockClaimableAsync(string owner, int max, IReadOnlyCollection<RegistrationStatus> statuses, CancellationToken cancellationToken)
    {
        var parameters = statuses.Distinct().Select((status, i) => ($"$s{i}", (object?)status.ToText())).ToList();
        string where = $"""
            WHERE status IN ({string.Join(", ", parameters.Select(p => p.Item1))})
              AND (lease_owner IS NULL OR lease_expires_at <= $now OR lease_owner = $owner)
            ORDER BY {SqliteLedgerRows.Oldest} LIMIT $max
            """;
        parameters.AddRange([("$now", SqliteLedgerRows.Time(Now)), ("$owner", owner), ("$max", max)]);
        return Task.FromResult<IReadOnlyList<RegistrationRecord>>(SqliteLedgerRows.Query(_connection, _transaction, where, [.. parameters]));
    }

    public override Task<IReadOnlyList<RegistrationRecord>> LockClusterAsync(string orgId, string? omniCluster, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RegistrationRecord>>(SqliteLedgerRows.Query(
            _connection,
            _transaction,
            "WHERE org_id = $org AND COALESCE(omni_cluster, '') = $cluster",
            ("$org", orgId),
            ("$cluster", omniCluster ?? string.Empty)));

    public override Task<bool> InsertAsync(RegistrationRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteLedgerRows.Insert(_connection, _transaction, record));

    public override Task<bool> CompareAndSetAsync(RegistrationRecord record, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteLedgerRows.CompareAndSet(_connection, _transaction, record, expectedVersion));

    public override Task CommitAsync(CancellationToken cancellationToken)
    {
        _transaction.Commit();
        return Task.CompletedTask;
    }

    protected override ValueTask DisposeAsyncCore()
    {
        _transaction.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
