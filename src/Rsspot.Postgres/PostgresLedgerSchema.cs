using Npgsql;
using Rsspot.State;

namespace Rsspot.Postgres;

/// <summary>
/// The versioned schema of the ledger, migrated in place: one transaction under an advisory lock per schema, so
/// processes that start at the same time migrate one after the other (the later ones find nothing to do).
/// </summary>
internal static class PostgresLedgerSchema
{
    private static readonly Func<string, string>[] Migrations =
    [
        schema => $"""
            CREATE TABLE {schema}.registration_ledger (
                key text PRIMARY KEY,
                vm_uid text NOT NULL,
                org_id text,
                vmcloudspace text,
                vmpool text,
                vm_name text,
                omni_cluster text,
                token_id text,
                token_expires_at timestamptz,
                status text NOT NULL CHECK (status IN ('discovered', 'token_issued', 'submitted', 'registered', 'failed', 'skipped')),
                last_error text,
                payload text,
                updated_at timestamptz NOT NULL,
                version bigint NOT NULL,
                lease_owner text,
                lease_expires_at timestamptz,
                created_at timestamptz NOT NULL,
                history jsonb NOT NULL DEFAULT '[]'
            );
            CREATE INDEX ix_registration_ledger_claim ON {schema}.registration_ledger (status, created_at, key);
            CREATE INDEX ix_registration_ledger_vmcloudspace ON {schema}.registration_ledger (vmcloudspace);
            CREATE INDEX ix_registration_ledger_cluster ON {schema}.registration_ledger (org_id, omni_cluster);
            """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the schema to <see cref="CurrentVersion"/>; returns the version found before.</summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, string displayName, CancellationToken cancellationToken)
    {
        NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext(@name))", cancellationToken, ("name", "rsspot.registration_ledger." + schema)).ConfigureAwait(false);
            await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}; CREATE TABLE IF NOT EXISTS {schema}.ledger_schema_version (version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
            await using var read = new NpgsqlCommand($"SELECT COALESCE(max(version), 0) FROM {schema}.ledger_schema_version", connection);
            int found = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0);
            if (found > CurrentVersion)
            {
                throw new StateStoreException(
                    $"The registration ledger at {displayName} (schema {schema}) has version {found}, newer than this rsspot understands ({CurrentVersion}). Fix: upgrade rsspot on this machine, or use another schema.");
            }

            for (int step = found; step < CurrentVersion; step++)
            {
                await ExecuteAsync(connection, Migrations[step](schema), cancellationToken).ConfigureAwait(false);
            }

            if (found < CurrentVersion)
            {
                await ExecuteAsync(connection, $"DELETE FROM {schema}.ledger_schema_version; INSERT INTO {schema}.ledger_schema_version (version) VALUES (@v)", cancellationToken, ("v", CurrentVersion)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return found;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
