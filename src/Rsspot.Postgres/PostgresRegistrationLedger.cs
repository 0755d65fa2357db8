using Npgsql;
using Rsspot.State;
using Rsspot.Workflows;
using Rsspot.Workflows.Ledger;

namespace Rsspot.Postgres;

/// <summary>
/// The registration ledger in PostgreSQL, shared by controller replicas on several machines. Claims lock rows
/// with <c>FOR UPDATE SKIP LOCKED</c>, so no record is handed to two workers; leases run on the database's clock;
/// transitions follow the same rules as the state.db ledger. <see cref="OpenAsync"/> migrates the schema in place.
/// Connection strings (and their passwords) never appear in messages: failures are reported as a
/// <see cref="StateStoreException"/> naming only user, host, port and database.
/// </summary>
public sealed class PostgresRegistrationLedger : IRegistrationLedger, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresLedgerSql _sql;
    private readonly LedgerOperations _operations;
    private readonly string? _password;

    private PostgresRegistrationLedger(NpgsqlDataSource dataSource, string schema, string connectionString)
    {
        _dataSource = dataSource;
        _sql = new PostgresLedgerSql(schema);
        _operations = new LedgerOperations(ct => PostgresLedgerSession.BeginAsync(_dataSource, _sql, ct));
        _password = PostgresConnectionText.Password(connectionString);
        Description = PostgresConnectionText.Describe(connectionString);
    }

    /// <summary>Where the ledger is, for logs: <c>postgresql://user@host:port/database</c> (never the password).</summary>
    public string Description { get; }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => PostgresLedgerSchema.CurrentVersion;

    /// <summary>Connects, creates or migrates the ledger's schema (safe when several processes start at once), and returns the ledger.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">The schema; <c>rsspot</c> by default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ledger; dispose it to close its connections.</returns>
    /// <exception cref="StateStoreException">The database cannot be reached or migrated.</exception>
    public static async Task<PostgresRegistrationLedger> OpenAsync(string connectionString, PostgresLedgerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        string schema = (options ?? new PostgresLedgerOptions()).CheckedSchema();
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException)
        {
            throw new StateStoreException($"The PostgreSQL connection string for the registration ledger ({PostgresConnectionText.Describe(connectionString)}) is not valid. Fix: use the form 'Host=...;Port=5432;Database=...;Username=...;Password=...'.");
        }

        var ledger = new PostgresRegistrationLedger(dataSource, schema, connectionString);
        try
        {
            await ledger.GuardAsync(
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
    public Task<RegistrationRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GuardAsync(async ct => (await QueryAsync("WHERE key = @key", ct, ("key", key)).ConfigureAwait(false)).FirstOrDefault(), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> ListAsync(IReadOnlyCollection<RegistrationStatus>? statuses = null, string? vmCloudspace = null, CancellationToken cancellationToken = default)
    {
        string[] texts = [.. (statuses ?? []).Select(s => s.ToText()).Distinct()];
        return GuardAsync<IReadOnlyList<RegistrationRecord>>(
            async ct => await QueryAsync(
                "WHERE (cardinality(@statuses) = 0 OR status = ANY(@statuses)) AND (@cs::text IS NULL OR vmcloudspace = @cs) ORDER BY created_at, key",
                ct,
                ("statuses", texts),
                ("cs", (object?)vmCloudspace ?? DBNull.Value)).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> ListStaleClaimsAsync(CancellationToken cancellationToken = default) =>
        GuardAsync<IReadOnlyList<RegistrationRecord>>(
            async ct => await QueryAsync("WHERE lease_owner IS NOT NULL AND lease_expires_at <= now() ORDER BY lease_expires_at, key", ct).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> DiscoverAsync(IEnumerable<RegistrationCandidate> candidates, CancellationToken cancellationToken = default) =>
        GuardAsync(ct => _operations.DiscoverAsync(candidates, ct), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RegistrationRecord>> ClaimNextAsync(string owner, int max, TimeSpan lease, IReadOnlyCollection<RegistrationStatus>? statuses = null, CancellationToken cancellationToken = default) =>
        GuardAsync(ct => _operations.ClaimNextAsync(owner, max, Microseconds(lease), statuses, ct), cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord?> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        GuardAsync(ct => _operations.TryClaimAsync(key, owner, Microseconds(lease), ct), cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord> RenewAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        GuardAsync(ct => _operations.RenewAsync(key, owner, Microseconds(lease), ct), cancellationToken);

    /// <inheritdoc/>
    public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken = default) =>
        GuardAsync(ct => _operations.ReleaseAsync(key, owner, ct), cancellationToken);

    /// <inheritdoc/>
    public Task<RegistrationRecord> TransitionAsync(string key, RegistrationStatus to, TransitionDetails? details = null, CancellationToken cancellationToken = default)
    {
        // timestamptz keeps microseconds: store what is returned.
        TransitionDetails? stored = details?.TokenExpiresAt is { } expires ? details with { TokenExpiresAt = expires.AddTicks(-(expires.Ticks % 10)) } : details;
        return GuardAsync(ct => _operations.TransitionAsync(key, to, stored, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReconcileResult> ReconcileAsync(string orgId, string? omniCluster, IReadOnlyList<RegistrationCandidate> candidates, CancellationToken cancellationToken = default) =>
        GuardAsync(ct => _operations.ReconcileAsync(orgId, omniCluster, candidates, ct), cancellationToken);

    /// <summary>Closes the ledger's connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static TimeSpan Microseconds(TimeSpan lease) => TimeSpan.FromTicks(lease.Ticks - (lease.Ticks % 10));

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

    /// <summary>Turns database and network failures into a <see cref="StateStoreException"/> that names the server but never the password.</summary>
    private async Task<T> GuardAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            string reason = PostgresConnectionText.Redact(ex.Message, _password).TrimEnd('.');
            throw new StateStoreException($"The registration ledger at {Description} failed: {reason}. Fix: check that the server is up and the connection string (RSSPOT_LEDGER_POSTGRES or --postgres) is right.");
        }
    }
}
