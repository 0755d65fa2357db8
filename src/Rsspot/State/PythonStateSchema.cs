namespace Rsspot.State;

/// <summary>
/// The Python rsspot's state.db script, statement for statement as it runs it on every start. This tool runs it
/// too, so the four shared tables always have the Python's columns, and keeps what it adds in extra columns
/// (nullable or with defaults, which the Python's statements never name) and in tables of its own.
/// </summary>
internal static class PythonStateSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS preferences (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          updated_at REAL NOT NULL
        );
        CREATE TABLE IF NOT EXISTS http_cache (
          key TEXT PRIMARY KEY,
          payload TEXT NOT NULL,
          expires_at REAL NOT NULL,
          created_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_http_cache_expires_at ON http_cache(expires_at);
        CREATE TABLE IF NOT EXISTS command_history (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          created_at REAL NOT NULL,
          command TEXT NOT NULL,
          argv_json TEXT NOT NULL,
          profile TEXT,
          org TEXT,
          region TEXT
        );
        CREATE INDEX IF NOT EXISTS idx_command_history_created_at ON command_history(created_at);
        CREATE INDEX IF NOT EXISTS idx_command_history_command ON command_history(command);
        CREATE TABLE IF NOT EXISTS registration_ledger (
          registration_key TEXT PRIMARY KEY,
          vm_uid TEXT NOT NULL,
          org_id TEXT,
          vmcloudspace TEXT,
          vmpool TEXT,
          vm_name TEXT,
          omni_cluster TEXT,
          token_id TEXT,
          token_expires_at REAL,
          status TEXT NOT NULL,
          last_error TEXT,
          payload_json TEXT,
          updated_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_registration_ledger_status ON registration_ledger(status);
        CREATE INDEX IF NOT EXISTS idx_registration_ledger_vm_uid ON registration_ledger(vm_uid);
        """;
}
