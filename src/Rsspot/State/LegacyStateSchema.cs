using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>
/// The schema of this tool's earlier releases (versions 1-3: its own columns in the four shared tables, text
/// times) and the move of such a file to the shared schema: each old table is renamed aside, the shared tables
/// are created, every row is copied across with its times converted, and the old tables are dropped, all in the
/// caller's transaction.
/// </summary>
internal static class LegacyStateSchema
{
    /// <summary>The last version with this tool's own columns in the shared tables.</summary>
    public const int LastVersion = 3;

    /// <summary>The name of the function that turns an earlier release's text time into epoch seconds.</summary>
    public const string EpochFunction = "rsspot_text_to_epoch";

    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS preferences (key TEXT PRIMARY KEY, value TEXT, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS http_cache (
            key TEXT PRIMARY KEY, status_code INTEGER NOT NULL, content_type TEXT, body BLOB NOT NULL,
            stored_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_http_cache_stored_at ON http_cache (stored_at);
        CREATE TABLE IF NOT EXISTS command_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL, args TEXT NOT NULL, exit_code INTEGER NOT NULL,
            at TEXT NOT NULL, duration_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS registration_ledger (
            key TEXT PRIMARY KEY, vm_uid TEXT NOT NULL, org_id TEXT, vmcloudspace TEXT, vmpool TEXT, vm_name TEXT,
            omni_cluster TEXT, token_id TEXT, token_expires_at TEXT, status TEXT NOT NULL, last_error TEXT, payload TEXT,
            updated_at TEXT NOT NULL);
        """;

    private const string Version2 = """
        ALTER TABLE registration_ledger ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE registration_ledger ADD COLUMN lease_owner TEXT;
        ALTER TABLE registration_ledger ADD COLUMN lease_expires_at TEXT;
        ALTER TABLE registration_ledger ADD COLUMN created_at TEXT;
        ALTER TABLE registration_ledger ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
        UPDATE registration_ledger SET created_at = updated_at WHERE created_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_registration_ledger_status ON registration_ledger (status);
        CREATE INDEX IF NOT EXISTS ix_registration_ledger_vmcloudspace ON registration_ledger (vmcloudspace);
        CREATE INDEX IF NOT EXISTS ix_command_history_command ON command_history (command);
        """;

    private const string Version3 = """
        CREATE TABLE IF NOT EXISTS bid_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, cloudspace TEXT, pool TEXT NOT NULL, server_class TEXT,
            old_bid TEXT NOT NULL, new_bid TEXT NOT NULL, market TEXT, status TEXT NOT NULL, reason TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_bid_changes_pool ON bid_changes (pool);
        """;

    // The old response cache keeps its rows under its new name; the index the Python rsspot may have added to it
    // (its script creates idx_http_cache_expires_at, which matched our old table too) goes, so its own is made again.
    private const string RenameAside = """
        DROP INDEX IF EXISTS ix_http_cache_stored_at;
        DROP INDEX IF EXISTS idx_http_cache_expires_at;
        DROP INDEX IF EXISTS ix_registration_ledger_status;
        DROP INDEX IF EXISTS ix_registration_ledger_vmcloudspace;
        DROP INDEX IF EXISTS ix_command_history_command;
        DROP INDEX IF EXISTS idx_command_history_created_at;
        DROP INDEX IF EXISTS idx_command_history_command;
        DROP INDEX IF EXISTS idx_registration_ledger_status;
        DROP INDEX IF EXISTS idx_registration_ledger_vm_uid;
        ALTER TABLE http_cache RENAME TO rsspot_http_cache;
        ALTER TABLE preferences RENAME TO rsspot_v3_preferences;
        ALTER TABLE command_history RENAME TO rsspot_v3_command_history;
        ALTER TABLE registration_ledger RENAME TO rsspot_v3_registration_ledger;
        """;

    private static readonly string[] Steps = [Version1, Version2, Version3];

    /// <summary>Brings a version 1-2 file to version 3, then renames its tables aside for <see cref="CopyBack"/>.</summary>
    public static void RenameAsideFrom(SqliteConnection connection, SqliteTransaction transaction, int version)
    {
        for (int step = version; step < LastVersion; step++)
        {
            Sql.Execute(connection, transaction, Steps[step]);
        }

        Sql.Execute(connection, transaction, RenameAside);
    }

    /// <summary>Copies the renamed-aside rows into the shared tables and drops the old tables.</summary>
    public static void CopyBack(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (string table in CopiedTables)
        {
            Sql.Execute(connection, transaction, CopyStatement(table, "rsspot_v3_" + table));
            Sql.Execute(connection, transaction, $"DROP TABLE rsspot_v3_{table}");
        }
    }

    /// <summary>The tables copied row by row (the response cache keeps its table).</summary>
    public static IReadOnlyList<string> CopiedTables { get; } = ["preferences", "command_history", "registration_ledger"];

    /// <summary>The statement that copies an earlier release's <paramref name="table"/> from <paramref name="source"/> into the shared one.</summary>
    public static string CopyStatement(string table, string source)
    {
        string e = EpochFunction;
        return table switch
        {
            // A preference set to nothing is the same as one never set (the shared column is NOT NULL).
            "preferences" => $"""
                INSERT OR REPLACE INTO main.preferences (key, value, updated_at)
                SELECT key, value, COALESCE({e}(updated_at), 0) FROM {source} WHERE value IS NOT NULL
                """,
            "command_history" => $"""
                INSERT OR REPLACE INTO main.command_history (id, created_at, command, argv_json, exit_code, duration_ms)
                SELECT id, COALESCE({e}(at), 0), command, args, exit_code, duration_ms FROM {source}
                """,
            "registration_ledger" => $"""
                INSERT OR REPLACE INTO main.registration_ledger (registration_key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster,
                    token_id, token_expires_at, status, last_error, payload_json, updated_at, version, lease_owner, lease_expires_at, created_at, history)
                SELECT key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster, token_id, {e}(token_expires_at), status, last_error,
                    payload, COALESCE({e}(updated_at), 0), version, lease_owner, {e}(lease_expires_at), {e}(created_at), COALESCE(history, '[]')
                FROM {source}
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
        };
    }

    /// <summary>Makes <see cref="EpochFunction"/> available on <paramref name="connection"/>.</summary>
    public static void RegisterEpochFunction(SqliteConnection connection)
    {
        connection.CreateFunction<string?, double?>(EpochFunction, StateTime.TextToEpoch, isDeterministic: true);
    }
}
