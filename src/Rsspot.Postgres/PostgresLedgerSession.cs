using Npgsql;
using Rsspot.Workflows;
using Rsspot.Workflows.Ledger;

namespace Rsspot.Postgres;

/// <summary>
/// One transaction on the shared ledger: rows are read <c>FOR UPDATE</c> (claims <c>SKIP LOCKED</c>, so a stuck
/// session never blocks them), and <see cref="Now"/> is the database's <c>now()</c>, so leases never depend on the
/// clocks of the workers' machines. The transaction begins, and its time is read, in the same round trip as its
/// first read: a ledger operation costs the server one exchange per read or write plus the commit.
/// </summary>
internal sealed class PostgresLedgerSession : RegistrationLedgerSession
{
    private const string Begin = "BEGIN; SELECT now(); ";

    private readonly NpgsqlConnection _connection;
    private readonly PostgresLedgerSql _sql;
    private DateTimeOffset? _now;
    private bool _begun;
    private bool _ended;

    private PostgresLedgerSession(NpgsqlConnection connection, PostgresLedgerSql sql)
    {
        _connection = connection;
        _sql = sql;
    }

    /// <summary>The transaction's time (the database's <c>now()</c>), known once the session has read.</summary>
    /// <exception cref="InvalidOperationException">Nothing was read yet: every ledger operation reads before it decides.</exception>
    public override DateTimeOffset Now => _now ?? throw new InvalidOperationException("The ledger session's time is read with its first read; nothing was read yet.");

    public static async Task<RegistrationLedgerSession> BeginAsync(NpgsqlDataSource dataSource, PostgresLedgerSql sql, CancellationToken cancellationToken) =>
        new PostgresLedgerSession(await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false), sql);

    public override Task<RegistrationRecord?> LockAsync(string key, CancellationToken cancellationToken) =>
        ReadOneAsync("WHERE key = @key FOR UPDATE", key, cancellationToken);

    public override Task<RegistrationRecord?> TryLockAsync(string key, CancellationToken cancellationToken) =>
        ReadOneAsync("WHERE key = @key FOR UPDATE SKIP LOCKED", key, cancellationToken);

    public override async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command($"SELECT 1 FROM {_sql.Schema}.registration_ledger WHERE key = @key");
        command.Parameters.AddWithValue("key", key);
        NpgsqlDataReader reader = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
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
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<IReadOnlyList<RegistrationRecord>> LockClusterAsync(string orgId, string? omniCluster, CancellationToken cancellationToken)
    {
        // Serialises reconciles of one cluster: a later one sees the rows an earlier one inserted. The lock waits as
        // long as the other reconcile takes, within the session's lock and statement timeouts; the rows are read
        // after it, in the same round trip.
        await using NpgsqlCommand command = Command(
            "SELECT pg_advisory_xact_lock(hashtext(@name)); "
            + _sql.Select("WHERE org_id = @org AND COALESCE(omni_cluster, '') = @cluster ORDER BY key"));
        command.Parameters.AddWithValue("name", $"{_sql.Schema}.reconcile/{orgId}/{omniCluster}");
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("cluster", omniCluster ?? string.Empty);
        NpgsqlDataReader reader = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            return await PostgresLedgerSql.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<bool> InsertAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(_sql.Insert);
        PostgresLedgerSql.AddRecord(command, record);
        return await WriteAsync(command, cancellationToken).ConfigureAwait(false) == 1;
    }

    public override async Task<bool> CompareAndSetAsync(RegistrationRecord record, long expectedVersion, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(_sql.CompareAndSet);
        PostgresLedgerSql.AddRecord(command, record);
        command.Parameters.AddWithValue("expected", expectedVersion);
        return await WriteAsync(command, cancellationToken).ConfigureAwait(false) == 1;
    }

    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!_begun)
        {
            return;
        }

        await using NpgsqlCommand command = Command("COMMIT");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _ended = true;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        try
        {
            if (_begun && !_ended && _connection.FullState == System.Data.ConnectionState.Open)
            {
                await using NpgsqlCommand rollback = Command("ROLLBACK");
                await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            // The connection broke: the server ends the transaction with the session, and the pool drops the connection.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection);

    /// <summary>Runs a read; the session's first one also begins the transaction and reads its time, in the same round trip.</summary>
    private async Task<NpgsqlDataReader> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        bool first = !_begun;
        if (first)
        {
            command.CommandText = Begin + command.CommandText;
            _begun = true;
        }

        NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!first)
        {
            return reader;
        }

        try
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            _now = new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a write (the operations always read first; a write without a read begins the transaction itself).</summary>
    private async Task<int> WriteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        if (!_begun)
        {
            await using NpgsqlCommand begin = Command("SELECT 1");
            await (await ReadAsync(begin, cancellationToken).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<RegistrationRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        NpgsqlDataReader reader = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await PostgresLedgerSql.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RegistrationRecord?> ReadOneAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(_sql.Select(where));
        command.Parameters.AddWithValue("key", key);
        return (await ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }
}
