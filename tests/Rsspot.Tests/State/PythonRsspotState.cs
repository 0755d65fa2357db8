using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Rsspot.Tests.State;

/// <summary>One statement of the Python rsspot with its parameters (named, as sqlite3 and Microsoft.Data.Sqlite both bind them).</summary>
public sealed record PythonStep(string Sql, IReadOnlyDictionary<string, object?> Parameters)
{
    public PythonStep(string sql, params (string Name, object? Value)[] parameters)
        : this(sql, parameters.ToDictionary(p => p.Name, p => p.Value))
    {
    }
}

/// <summary>
/// The Python rsspot 0.3.0's state.db, as its facts state it: the script it runs on every start and the statements
/// it runs on each table (upserts, inserts, selects, prunes, deletes), with epoch REAL times. Written out here, apart
/// from the product's copy, so a drift of either shows. Runs them through Microsoft.Data.Sqlite (always), or
/// through a real python3 with its sqlite3 module (when the machine has one).
/// </summary>
public static class PythonRsspotState
{
    public const string Schema = """
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

    public const string UpsertPreference =
        "INSERT INTO preferences (key, value, updated_at) VALUES (:key, :value, :updated_at) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";

    public const string GetPreference = "SELECT value FROM preferences WHERE key = :key";

    public const string ListPreferences = "SELECT key, value, updated_at FROM preferences ORDER BY key";

    public const string DeletePreference = "DELETE FROM preferences WHERE key = :key";

    public const string GetCache = "SELECT payload, expires_at FROM http_cache WHERE key = :key";

    public const string DeleteCacheKey = "DELETE FROM http_cache WHERE key = :key";

    public const string DeleteExpiredCache = "DELETE FROM http_cache WHERE expires_at <= :now";

    public const string PutCache =
        "INSERT INTO http_cache (key, payload, expires_at, created_at) VALUES (:key, :payload, :expires_at, :created_at) ON CONFLICT(key) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at, created_at = excluded.created_at";

    public const string PruneCache = "DELETE FROM http_cache WHERE key IN (SELECT key FROM http_cache ORDER BY created_at DESC LIMIT -1 OFFSET :max_entries)";

    public const string InvalidateCachePrefix = "DELETE FROM http_cache WHERE key LIKE :prefix || '%'";

    public const string CountCache = "SELECT COUNT(*) FROM http_cache";

    public const string AddHistory =
        "INSERT INTO command_history (created_at, command, argv_json, profile, org, region) VALUES (:created_at, :command, :argv_json, :profile, :org, :region)";

    public const string PruneHistory = "DELETE FROM command_history WHERE id NOT IN (SELECT id FROM command_history ORDER BY created_at DESC LIMIT :keep)";

    public const string ListHistory = "SELECT id, created_at, command, argv_json, profile, org, region FROM command_history ORDER BY created_at DESC LIMIT :limit";

    public const string UpsertLedger = """
        INSERT INTO registration_ledger (registration_key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster, token_id,
            token_expires_at, status, last_error, payload_json, updated_at)
        VALUES (:registration_key, :vm_uid, :org_id, :vmcloudspace, :vmpool, :vm_name, :omni_cluster, :token_id,
            :token_expires_at, :status, :last_error, :payload_json, :updated_at)
        ON CONFLICT(registration_key) DO UPDATE SET vm_uid = excluded.vm_uid, org_id = excluded.org_id,
            vmcloudspace = excluded.vmcloudspace, vmpool = excluded.vmpool, vm_name = excluded.vm_name,
            omni_cluster = excluded.omni_cluster, token_id = excluded.token_id, token_expires_at = excluded.token_expires_at,
            status = excluded.status, last_error = excluded.last_error, payload_json = excluded.payload_json, updated_at = excluded.updated_at
        """;

    public const string GetLedger = "SELECT * FROM registration_ledger WHERE registration_key = :registration_key";

    public const string ListLedger =
        "SELECT registration_key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster, token_id, token_expires_at, status, last_error, payload_json, updated_at FROM registration_ledger ORDER BY updated_at DESC";

    public const string ListLedgerByStatus =
        "SELECT registration_key, vm_uid, status, updated_at FROM registration_ledger WHERE status = :status ORDER BY updated_at DESC";

    public const string DeleteLedger = "DELETE FROM registration_ledger WHERE registration_key = :registration_key";

    /// <summary>The Python's <c>time.time()</c> for a moment.</summary>
    public static double Epoch(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond;

    /// <summary><c>json.dumps(argv, ensure_ascii=True)</c> for plain ASCII arguments.</summary>
    public static string ArgvJson(params string[] argv) => JsonSerializer.Serialize(argv);

    public static PythonStep LedgerRow(
        string key, string vmUid, string? orgId, string? vmCloudspace, string? vmPool, string? vmName, string? omniCluster,
        string status, double updatedAt, string? tokenId = null, double? tokenExpiresAt = null, string? lastError = null, string? payloadJson = null) =>
        new(
            UpsertLedger,
            ("registration_key", key), ("vm_uid", vmUid), ("org_id", orgId), ("vmcloudspace", vmCloudspace), ("vmpool", vmPool),
            ("vm_name", vmName), ("omni_cluster", omniCluster), ("token_id", tokenId), ("token_expires_at", tokenExpiresAt),
            ("status", status), ("last_error", lastError), ("payload_json", payloadJson), ("updated_at", updatedAt));

    /// <summary>
    /// Opens the file as the Python does (WAL, synchronous NORMAL, its script), runs the steps in one transaction and
    /// returns each step's rows.
    /// </summary>
    public static JsonArray RunWithSqlite(string path, params PythonStep[] steps)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, null, "PRAGMA journal_mode=WAL");
        Execute(connection, null, "PRAGMA synchronous=NORMAL");
        Execute(connection, null, Schema);
        var results = new JsonArray();
        using SqliteTransaction transaction = connection.BeginTransaction();
        foreach (PythonStep step in steps)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = step.Sql;
            foreach (var (name, value) in step.Parameters)
            {
                command.Parameters.AddWithValue(":" + name, value ?? DBNull.Value);
            }

            using SqliteDataReader reader = command.ExecuteReader();
            var rows = new JsonArray();
            while (reader.Read())
            {
                var row = new JsonArray();
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    row.Add(reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                    {
                        long l => JsonValue.Create(l),
                        double d => JsonValue.Create(d),
                        string s => JsonValue.Create(s),
                        byte[] b => JsonValue.Create(Convert.ToBase64String(b)),
                        var other => JsonValue.Create(other.ToString()),
                    });
                }

                rows.Add(row);
            }

            results.Add(rows);
        }

        transaction.Commit();
        return results;
    }

    /// <summary>A python3 whose sqlite3 module imports, or null (then tests that need it are skipped).</summary>
    public static string? FindPython()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "python3");
            if (File.Exists(candidate) && Run(candidate, ["-c", "import sqlite3"], out _, out _) == 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The same as <see cref="RunWithSqlite"/>, by the Python's own sqlite3 module in a python3 process.</summary>
    public static JsonArray RunWithPython(string python, string path, params PythonStep[] steps)
    {
        const string Script = """
            import json, sqlite3, sys
            path, plan_path = sys.argv[1], sys.argv[2]
            with open(plan_path, encoding="utf-8") as f:
                plan = json.load(f)
            con = sqlite3.connect(path)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            con.executescript(plan["schema"])
            out = []
            for step in plan["steps"]:
                cur = con.execute(step["sql"], step["params"])
                out.append([list(r) for r in cur.fetchall()])
            con.commit()
            con.close()
            json.dump(out, sys.stdout)
            """;
        string dir = Path.GetDirectoryName(path)!;
        string scriptPath = Path.Combine(dir, "python-rsspot-state.py");
        string planPath = Path.Combine(dir, "python-rsspot-plan.json");
        File.WriteAllText(scriptPath, Script);
        var plan = new JsonObject
        {
            ["schema"] = Schema,
            ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)new JsonObject
            {
                ["sql"] = s.Sql,
                ["params"] = new JsonObject(s.Parameters.Select(p => KeyValuePair.Create(p.Key, Json(p.Value)))),
            })]),
        };
        File.WriteAllText(planPath, plan.ToJsonString());
        int exit = Run(python, [scriptPath, path, planPath], out string stdout, out string stderr);
        Assert.True(exit == 0, $"python3 exited {exit}: {stderr}");
        return JsonNode.Parse(stdout)!.AsArray();
    }

    private static JsonNode? Json(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        double number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a parameter type of the Python's statements"),
    };

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int Run(string file, string[] args, out string stdout, out string stderr)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            stdout = string.Empty;
            stderr = "timed out";
            return -1;
        }

        stdout = output.Result;
        stderr = error.Result;
        return process.ExitCode;
    }
}
