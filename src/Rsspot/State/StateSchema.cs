using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>
/// The state.db schema. The four tables shared with the Python rsspot have exactly its columns (its script,
/// <see cref="PythonStateSchema"/>, runs first); what this tool adds lives in extra nullable or defaulted columns
/// and in tables of its own. <c>PRAGMA user_version</c> (which the Python never sets) records this tool's
/// version: 0 is a new file or one only the Python wrote, 1-3 a file of this tool's earlier releases (moved to the
/// shared tables with every row), 4 the shared schema. Every step runs in one <c>BEGIN IMMEDIATE</c> transaction.
/// </summary>
internal static class StateSchema
{
    /// <summary>The first version with the shared tables.</summary>
    public const int SharedVersion = 4;

    /// <summary>The schema version this build writes.</summary>
    public const int CurrentVersion = SharedVersion;

    /// <summary>The response cache of this tool, apart from the Python's <c>http_cache</c>.</summary>
    public const string HttpCacheTable = "rsspot_http_cache";

    // Bumps the ledger version whenever a writer that does not know it (the Python rsspot) changes a row, so a
    // compare-and-set of this tool that read the row before sees the change. Plain SQL any sqlite runs.
    private const string OwnTables = $"""
        CREATE TABLE IF NOT EXISTS {HttpCacheTable} (
            key TEXT PRIMARY KEY,
            status_code INTEGER NOT NULL,
            content_type TEXT,
            body BLOB NOT NULL,
            stored_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_rsspot_http_cache_stored_at ON {HttpCacheTable} (stored_at);
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
        CREATE INDEX IF NOT EXISTS ix_registration_ledger_vmcloudspace ON registration_ledger (vmcloudspace);
        CREATE TRIGGER IF NOT EXISTS rsspot_registration_ledger_version AFTER UPDATE ON registration_ledger
        WHEN NEW.version = OLD.version
        BEGIN
            UPDATE registration_ledger SET version = OLD.version + 1 WHERE registration_key = NEW.registration_key;
        END;
        """;

    /// <summary>The columns this tool adds to the shared tables: none is NOT NULL without a default, so the Python's inserts still work.</summary>
    private static readonly (string Table, string Column, string Definition)[] ExtraColumns =
    [
        ("command_history", "exit_code", "INTEGER"),
        ("command_history", "duration_ms", "INTEGER"),
        ("registration_ledger", "version", "INTEGER NOT NULL DEFAULT 0"),
        ("registration_ledger", "lease_owner", "TEXT"),
        ("registration_ledger", "lease_expires_at", "REAL"),
        ("registration_ledger", "created_at", "REAL"),
        ("registration_ledger", "history", "TEXT NOT NULL DEFAULT '[]'"),
    ];

    public static int Migrate(SqliteConnection connection, string displayPath)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        int version = ReadVersion(connection, transaction);
        if (version > CurrentVersion)
        {
            throw new StateStoreException(
                $"State database '{displayPath}' has schema version {version}, newer than this rsspot understands ({CurrentVersion}). Fix: upgrade rsspot, or point state_path at another file.");
        }

        if (version < SharedVersion)
        {
            ToShared(connection, transaction, version);
        }

        // Later versions: append their steps here, each from the version before.
        if (version < CurrentVersion)
        {
            Sql.Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion}");
        }

        transaction.Commit();
        return CurrentVersion;
    }

    /// <summary>Creates the shared schema: the Python's script, then this tool's columns and tables.</summary>
    public static void CreateShared(SqliteConnection connection, SqliteTransaction transaction)
    {
        Sql.Execute(connection, transaction, PythonStateSchema.Script);
        foreach (var (table, column, definition) in ExtraColumns)
        {
            if (!HasColumn(connection, transaction, table, column))
            {
                Sql.Execute(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
            }
        }

        Sql.Execute(connection, transaction, OwnTables);
    }

    private static void ToShared(SqliteConnection connection, SqliteTransaction transaction, int version)
    {
        bool legacy = version is > 0 and <= LegacyStateSchema.LastVersion;
        if (legacy)
        {
            LegacyStateSchema.RegisterEpochFunction(connection);
            LegacyStateSchema.RenameAsideFrom(connection, transaction, version);
        }

        CreateShared(connection, transaction);
        if (legacy)
        {
            LegacyStateSchema.CopyBack(connection, transaction);
        }
    }

    private static bool HasColumn(SqliteConnection connection, SqliteTransaction transaction, string table, string column)
    {
        return Sql.Scalar(connection, transaction, "SELECT 1 FROM pragma_table_info($table) WHERE name = $column", ("$table", table), ("$column", column)) is not null;
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        return Convert.ToInt32(Sql.Scalar(connection, transaction, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
