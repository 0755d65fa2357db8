using Npgsql;
using Rsspot.Workflows;
using Rsspot.Workflows.Ledger;

namespace Rsspot.Postgres;

/// <summary>
/// One transaction on the shared ledger: rows are read <c>FOR UPDATE</c> (claims <c>SKIP LOCKED</c>, so a stuck
/// session never blocks them), and <see cref="Now"/> is the database's <c>now()</c>, so leases never depend on the
/// clocks of the workers' machines.
/// </summary>
internal sealed class PostgresLedgerSession : RegistrationLedgerSession
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PostgresLedgerSql _sql;

    private PostgresLedgerSession(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresLedgerSql sql, DateTimeOffset now)
    {
        _connection = connection;
        _transaction = transaction;
        _sql = sql;
        Now = now;
    }

    public override DateTimeOffset Now { get; }

    public static async Task<RegistrationLedgerSession> BeginAsync(NpgsqlDataSource dataSource, PostgresLedgerSql sql, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT now()", connection, transaction);
            var now = (DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return new PostgresLedgerSession(connection, transaction, sql, new DateTimeOffset(now, TimeSpan.Zero));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<RegistrationRecord?> LockAsync(string key, CancellationToken cancellationToken) =>
        ReadOneAsync("WHERE key = @key FOR UPDATE", key, cancellationToken);

    public override Task<RegistrationRecord?> TryLockAsync(string key, CancellationToken cancellationToken) =>
        ReadOneAsync("WHERE key = @key FOR UPDATE SKIP LOCKED", key, cancellationToken);

    public override async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command($"SELECT 1 FROM {_sql.Schema}.registration_ledger WHERE key = @key");
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public override async Task<IReadOnlyList<RegistrationRecord>> LockClaimableAsync(string owner, int max, IReadOnlyCollection<RegistrationStatus> statuses, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(_sql.Select("""
            WHERE status = ANY(@statuses)
              AND (lease_owner IS NULL OR lease_expires_at <= now() OR lease_owner = @owner)
            ORDER BY created_at, key
            LIMIT @max
            FOR UPDATE SKIP LOCKED
            """));
        command.Parameters.AddWithValue("statuses", statuses.Select(s => s.ToText()).Distinct().ToArray());
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("max", max);
        return await PostgresLedgerSql.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<IReadOnlyList<RegistrationRecord>> LockClusterAsync(string orgId, string? omniCluster, CancellationToken cancellationToken)
    {
        // Serialises reconciles of one cluster: a later one sees the rows an earlier one inserted.
        await using (NpgsqlCommand gate = Command("SELECT pg_advisory_xact_lock(hashtext(@name))"))
        {
            // Waits as long as the other reconcile takes, within the session's lock and statement timeouts.
            gate.Parameters.AddWithValue("name", $"{_sql.Schema}.reconcile/{orgId}/{omniCluster}");
            await gate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using NpgsqlCommand command = Command(_sql.Select("WHERE org_id = @org AND COALESCE(omni_cluster, '') = @cluster ORDER BY key"));
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("cluster", omniCluster ?? string.Empty);
        return await PostgresLedgerSql.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<bool> InsertAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(_sql.Insert);
        PostgresLedgerSql.AddRecord(command, record);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public override async Task<bool> CompareAndSetAsync(RegistrationRecord record, long expectedVersion, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(_sql.CompareAndSet);
        PostgresLedgerSql.AddRecord(command, record);
        command.Parameters.AddWithValue("expected", expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public override Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    protected override async ValueTask DisposeAsyncCore()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    private async Task<RegistrationRecord?> ReadOneAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(_sql.Select(where));
        command.Parameters.AddWithValue("key", key);
        return (await PostgresLedgerSql.ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }
}
