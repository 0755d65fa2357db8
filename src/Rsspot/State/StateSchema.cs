using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>
/// The state.db schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many have
/// run. Opening an older database applies the missing steps in one transaction.
/// </summary>
internal static class StateSchema
{
    /// <summary>Version 1: the four tables with the columns shared with the Python rsspot.</summary>
    public const string Version1 = """
        CREATE TABLE IF NOT EXISTS preferences (
            key TEXT PRIMARY KEY,
            value TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS http_cache (
            key TEXT PRIMARY KEY,
            status_code INTEGER NOT NULL,
            content_type TEXT,
            body BLOB NOT NULL,
            stored_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_http_cache_stored_at ON http_cache (stored_at);
        CREATE TABLE IF NOT EXISTS command_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            command TEXT NOT NULL,
            args TEXT NOT NULL,
            exit_code INTEGER NOT NULL,
            at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS registration_ledger (
            key TEXT PRIMARY KEY,
            vm_uid TEXT NOT NULL,
            org_id TEXT,
            vmcloudspace TEXT,
            vmpool TEXT,
            vm_name TEXT,
            omni_cluster TEXT,
            token_id TEXT,
            token_expires_at TEXT,
            status TEXT NOT NULL,
            last_error TEXT,
            payload TEXT,
            updated_at TEXT NOT NULL
        );
        """;

    /// <summary>Version 2: compare-and-set version, leases, creation time and transition history on the ledger.</summary>
    public const string Version2 = """
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

    /// <summary>Version 3: the bid guard's applied changes.</summary>
    public const string Version3 = """
        CREATE TABLE IF NOT EXISTS bid_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            cloudspace TEXT,
            pool TEXT NOT NULL,
            server_class TEXT,
            old_bid TEXT NOT NULL,
            new_bid TEXT NOT NULL,
            market TEXT,
            status TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_bid_changes_pool ON bid_changes (pool);
        """;

    private static readonly string[] Migrations = [Version1, Version2, Version3];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    public static int Migrate(SqliteConnection connection, string displayPath)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        int version = ReadVersion(connection, transaction);
        if (version > CurrentVersion)
        {
            throw new StateStoreException(
                $"State database '{displayPath}' has schema version {version}, newer than this rsspot understands ({CurrentVersion}). Fix: upgrade rsspot, or point state_path at another file.");
        }

        for (int step = version; step < CurrentVersion; step++)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[step];
            command.ExecuteNonQuery();
        }

        if (version < CurrentVersion)
        {
            using SqliteCommand setVersion = connection.CreateCommand();
            setVersion.Transaction = transaction;
            setVersion.CommandText = $"PRAGMA user_version = {CurrentVersion}";
            setVersion.ExecuteNonQuery();
        }

        transaction.Commit();
        return CurrentVersion;
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
