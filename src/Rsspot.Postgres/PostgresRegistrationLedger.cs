using System.Net.Sockets;
using Npgsql;
using Rsspot.State;
using Rsspot.Workflows;
using Rsspot.Workflows.Ledger;

namespace Rsspot.Postgres;

/// <summary>
/// The registration ledger in PostgreSQL, shared by controller replicas on several machines. Claims lock rows
/// with <c>FOR UPDATE SKIP LOCKED</c>, so no record is handed to two workers; leases run on the database's clock;
/// transitions follow the same rules as the state.db ledger (it is a <see cref="RegistrationLedger"/>, built on the
/// SDK's public ledger seam). Every session runs under the limits of <see cref="PostgresLedgerOptions"/>.
/// <see cref="OpenAsync"/> migrates the schema in place. After a failure that broke connections (the server
/// restarted, a backend was terminated) the pool is emptied, so the next call reconnects.
/// Connection strings (and their passwords) never appear in messages: failures are reported as a
/// <see cref="StateStoreException"/> naming only user, host, port and database.
/// </summary>
public sealed class PostgresRegistrationLedger : RegistrationLedger, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresLedgerSql _sql;
    private readonly string? _password;

    private PostgresRegistrationLedger(NpgsqlDataSource dataSource, string schema, string connectionString, PostgresLedgerOptions options)
    {
        _dataSource = dataSource;
        _sql = new PostgresLedgerSql(schema);
        _password = PostgresConnectionText.Password(connectionString);
        Description = PostgresConnectionText.Describe(connectionString);
        Options = options;
    }

    /// <summary>Where the ledger is, for logs: <c>postgresql://user@host:port/database</c> (never the password).</summary>
    public string Description { get; }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => PostgresLedgerSchema.CurrentVersion;

    /// <summary>The schema and the session limits this ledger runs with.</summary>
    public PostgresLedgerOptions Options { get; }

    /// <inheritdoc/>
    protected override TimeSpan TimeResolution => TimeSpan.FromTicks(10);

    /// <summary>Connects, creates or migrates the ledger's schema (safe when several processes start at once), and returns the ledger.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">The schema; <c>rsspot</c> by default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ledger; dispose it to close its connections.</returns>
    /// <exception cref="StateStoreException">The database cannot be reached or migrated.</exception>
    public static async Task<PostgresRegistrationLedger> OpenAsync(string connectionString, PostgresLedgerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new PostgresLedgerOptions();
        string schema = options.CheckedSchema();
        NpgsqlDataSource dataSource;
        try
        {
            // The slim builder: only the type mappings the ledger uses (text, integers, timestamptz, jsonb as text,
            // and text arrays), so the full mapping set (ranges, geometry, full-text search, JSON POCOs, ...) is not
            // linked into a Native AOT image such as the rsspot tool.
            var builder = new NpgsqlSlimDataSourceBuilder(options.Apply(connectionString));
            builder.EnableArrays();

            // Sessions change no session state (limits are startup options, locks end with their transactions), so a
            // connection taken from the pool needs no DISCARD ALL before its next transaction.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            dataSource = builder.Build();
        }
        catch (ArgumentException)
        {
            throw new StateStoreException($"The PostgreSQL connection string for the registration ledger ({PostgresConnectionText.Describe(connectionString)}) is not valid. Fix: use the form 'Host=...;Port=5432;Database=...;Username=...;Password=...'.");
        }

        var ledger = new PostgresRegistrationLedger(dataSource, schema, connectionString, options);
        try
        {
            await ledger.RunAsync(
                async ct =>
                {
                    NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        return await PostgresLedgerSchema.MigrateAsync(connection, schema, ledger.Description, ct).ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            return ledger;
        }
        catch
        {
            await ledger.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public override Task<RegistrationRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RunAsync(async ct => (await QueryAsync("WHERE key = @key", ct, ("key", key)).ConfigureAwait(false)).FirstOrDefault(), cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<IReadOnlyList<RegistrationRecord>> ListAsync(IReadOnlyCollection<RegistrationStatus>? statuses = null, string? vmCloudspace = null, CancellationToken cancellationToken = default)
    {
        string[] texts = [.. (statuses ?? []).Select(s => s.ToText()).Distinct()];
        return RunAsync<IReadOnlyList<RegistrationRecord>>(
            async ct => await QueryAsync(
                "WHERE (cardinality(@statuses) = 0 OR status = ANY(@statuses)) AND (@cs::text IS NULL OR vmcloudspace = @cs) ORDER BY created_at, key",
                ct,
                ("statuses", texts),
                ("cs", (object?)vmCloudspace ?? DBNull.Value)).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<IReadOnlyList<RegistrationRecord>> ListStaleClaimsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<RegistrationRecord>>(
            async ct => await QueryAsync("WHERE lease_owner IS NOT NULL AND lease_expires_at <= now() ORDER BY lease_expires_at, key", ct).ConfigureAwait(false),
            cancellationToken);

    /// <summary>Closes the ledger's connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc/>
    protected override Task<RegistrationLedgerSession> BeginSessionAsync(CancellationToken cancellationToken) =>
        PostgresLedgerSession.BeginAsync(_dataSource, _sql, cancellationToken);

    private async Task<List<RegistrationRecord>> QueryAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(_sql.Select(where), connection);
            foreach ((string name, object? value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return await PostgresLedgerSql.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Turns database and network failures into a <see cref="StateStoreException"/> that names the server but never
    /// the password; after one that broke connections, empties the pool so that the next call reconnects.
    /// </summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    protected override async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            if (BrokeConnections(ex))
            {
                _dataSource.Clear();
            }

            string reason = PostgresConnectionText.Redact(ex.Message, _password).TrimEnd('.');
            throw new StateStoreException($"The registration ledger at {Description} failed: {reason}. Fix: check that the server is up and the connection string (RSSPOT_LEDGER_POSTGRES or --postgres) is right.");
        }
    }

    private static bool IsStoreFailure(Exception ex) =>
        ex is NpgsqlException or TimeoutException or SocketException or IOException
        || (ex is InvalidOperationException && ex.Source == "Npgsql");

    /// <summary>Not an answer of a working server (a refused or cut connection, a terminated backend, a server shutting down).</summary>
    private static bool BrokeConnections(Exception ex) =>
        ex is not PostgresException || ex is PostgresException { SqlState: var state } && (state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal));
}
