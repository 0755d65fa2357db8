using System.Text;
using Microsoft.Data.Sqlite;
using Rsspot.State;
using Rsspot.Workflows;
using P = Rsspot.Tests.State.PythonRsspotState;

namespace Rsspot.Tests.State;

/// <summary>
/// A state.db of the previous release (schema version 3: this tool's own columns in the shared tables, text times)
/// is moved to the shared schema in place, once, by whichever process opens it first, with every row kept.
/// </summary>
public sealed class LegacyStateMigrationTests : IDisposable
{
    // The previous release's schema, as it created it (versions 1 to 3).
    private const string Version3Schema = """
        CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT, updated_at TEXT NOT NULL);
        CREATE TABLE http_cache (key TEXT PRIMARY KEY, status_code INTEGER NOT NULL, content_type TEXT, body BLOB NOT NULL, stored_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
        CREATE INDEX ix_http_cache_stored_at ON http_cache (stored_at);
        CREATE TABLE command_history (id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL, args TEXT NOT NULL, exit_code INTEGER NOT NULL, at TEXT NOT NULL, duration_ms INTEGER NOT NULL);
        CREATE TABLE registration_ledger (key TEXT PRIMARY KEY, vm_uid TEXT NOT NULL, org_id TEXT, vmcloudspace TEXT, vmpool TEXT, vm_name TEXT, omni_cluster TEXT, token_id TEXT, token_expires_at TEXT, status TEXT NOT NULL, last_error TEXT, payload TEXT, updated_at TEXT NOT NULL);
        ALTER TABLE registration_ledger ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE registration_ledger ADD COLUMN lease_owner TEXT;
        ALTER TABLE registration_ledger ADD COLUMN lease_expires_at TEXT;
        ALTER TABLE registration_ledger ADD COLUMN created_at TEXT;
        ALTER TABLE registration_ledger ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
        CREATE INDEX ix_registration_ledger_status ON registration_ledger (status);
        CREATE INDEX ix_registration_ledger_vmcloudspace ON registration_ledger (vmcloudspace);
        CREATE INDEX ix_command_history_command ON command_history (command);
        CREATE TABLE bid_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, cloudspace TEXT, pool TEXT NOT NULL, server_class TEXT, old_bid TEXT NOT NULL, new_bid TEXT NOT NULL, market TEXT, status TEXT NOT NULL, reason TEXT NOT NULL);
        CREATE INDEX ix_bid_changes_pool ON bid_changes (pool);
        PRAGMA user_version = 3;
        """;

    private const string Version3Rows = """
        INSERT INTO preferences VALUES ('default_org', 'acme', '2026-11-01T08:00:00.1234567Z');
        INSERT INTO preferences VALUES ('cleared', NULL, '2026-11-01T08:00:00.0000000Z');
        INSERT INTO http_cache VALUES ('GET https://spot/regions|prod|acme', 200, 'application/json', X'7B7D', 1796112000000, 4102444800000);
        INSERT INTO command_history (id, command, args, exit_code, at, duration_ms) VALUES (7, 'regions list', '["regions","list"]', 0, '2026-11-01T08:00:01.5000000Z', 120);
        INSERT INTO command_history (id, command, args, exit_code, at, duration_ms) VALUES (8, 'cloudspaces get', '["cloudspaces","get","x"]', 5, '2026-11-01T08:00:02.0000010Z', 33);
        INSERT INTO registration_ledger VALUES ('vmreg-aaaa', 'srv-1', 'org-1', 'vcs', 'pool-a', 'vm one', 'omni', 'jt-1', '2026-11-01T09:00:00.0000000Z',
            'token_issued', NULL, '{"machine_id":"m-1"}', '2026-11-01T08:01:00.0000000Z', 2, 'worker-a', '2026-11-01T08:02:00.0000000Z', '2026-11-01T08:00:00.0000000Z',
            '[{"to":"discovered","at":"2026-11-01T08:00:00+00:00"},{"from":"discovered","to":"token_issued","at":"2026-11-01T08:01:00+00:00","owner":"worker-a"}]');
        INSERT INTO registration_ledger VALUES ('vmreg-bbbb', 'srv-2', 'org-1', 'vcs', NULL, 'vm two', NULL, NULL, NULL,
            'failed', 'submit: 503', NULL, '2026-11-01T08:03:00.0000000Z', 4, NULL, NULL, '2026-11-01T08:00:30.0000000Z', '[]');
        INSERT INTO bid_changes (at, cloudspace, pool, server_class, old_bid, new_bid, market, status, reason) VALUES ('2026-11-01T08:04:00.0000000Z', 'cs', 'pool-1', 'gp', '0.01', '0.02', '0.015', 'at-risk', 'raised');
        """;

    private static readonly DateTimeOffset Base = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempStateDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string StatePath => _dir.File("state.db");

    [Fact]
    public async Task A_version_3_file_opened_by_four_stores_at_once_is_migrated_once_with_every_row_kept()
    {
        Execute(Version3Schema + Version3Rows);
        // A Python rsspot run on the old file got as far as adding its cache index before failing on command_history.
        Execute("CREATE INDEX IF NOT EXISTS idx_http_cache_expires_at ON http_cache(expires_at)");

        StateStore[] stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StateStore.Open(StatePath))));
        foreach (StateStore opened in stores)
        {
            Assert.Equal(StateSchema.CurrentVersion, opened.SchemaVersion);
            opened.Dispose();
        }

        using StateStore store = StateStore.Open(StatePath);
        Assert.Equal((long)StateSchema.CurrentVersion, Scalar("PRAGMA user_version"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'rsspot_v3_%'"));

        Assert.Equal("acme", store.Preferences.Get("default_org"));
        Assert.Null(store.Preferences.Get("cleared"));

        Assert.True(store.HttpCache.TryGet("GET https://spot/regions|prod|acme", Base, out HttpCacheEntry? cached));
        Assert.Equal("{}", Encoding.UTF8.GetString(cached.Body));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796112000000), cached.StoredAt);

        IReadOnlyList<HistoryEntry> history = store.History.List();
        Assert.Equal([8L, 7L], history.Select(h => h.Id));
        Assert.Equal(("cloudspaces get", 5, Base.AddSeconds(2).AddTicks(10), TimeSpan.FromMilliseconds(33)), (history[0].Command, history[0].ExitCode!.Value, history[0].At, history[0].Duration!.Value));
        Assert.Equal(["cloudspaces", "get", "x"], history[0].Args);
        Assert.Equal((0, Base.AddSeconds(1.5), TimeSpan.FromMilliseconds(120)), (history[1].ExitCode!.Value, history[1].At, history[1].Duration!.Value));
        Assert.Equal(9L, store.History.Record("regions list", [], 0, Base, TimeSpan.Zero).Id);

        var workflow = new RegistrationWorkflow(store);
        IReadOnlyList<RegistrationRecord> records = workflow.List();
        Assert.Equal(["vmreg-aaaa", "vmreg-bbbb"], records.Select(r => r.Key));
        RegistrationRecord a = records[0];
        Assert.Equal((RegistrationStatus.TokenIssued, 2L, "worker-a", "jt-1", "{\"machine_id\":\"m-1\"}"), (a.Status, a.Version, a.LeaseOwner, a.TokenId, a.Payload));
        Assert.Equal((Base, Base.AddMinutes(1), Base.AddMinutes(2), Base.AddHours(1)), (a.CreatedAt, a.UpdatedAt, a.LeaseExpiresAt!.Value, a.TokenExpiresAt!.Value));
        Assert.Equal([null, RegistrationStatus.Discovered], a.History.Select(h => h.From));
        Assert.Equal("worker-a", a.History[1].Owner);
        RegistrationRecord b = records[1];
        Assert.Equal((RegistrationStatus.Failed, 4L, "submit: 503", Base.AddSeconds(30)), (b.Status, b.Version, b.LastError, b.CreatedAt));
        Assert.Null(b.VmPool);

        BidChange change = Assert.Single(store.BidChanges.List());
        Assert.Equal((0.02m, Base.AddMinutes(4)), (change.NewBid, change.At));

        // And the Python rsspot's script and reads run on the migrated file.
        var seen = P.RunWithSqlite(StatePath, new PythonStep(P.ListLedger), new PythonStep(P.ListHistory, ("limit", 10)));
        Assert.Equal(2, seen[0]!.AsArray().Count);
        Assert.Equal(3, seen[1]!.AsArray().Count);
    }

    [Fact]
    public void Repair_of_a_damaged_version_3_file_salvages_its_rows_into_the_shared_tables()
    {
        Execute(Version3Schema + Version3Rows);

        StateRepairResult result = StateMaintenance.Repair(StatePath);

        Assert.Empty(result.Lost);
        Assert.Equal(1, result.Salvaged["preferences"]);
        Assert.Equal(2, result.Salvaged["command_history"]);
        Assert.Equal(2, result.Salvaged["registration_ledger"]);
        using StateStore store = StateStore.Open(StatePath);
        Assert.Equal("acme", store.Preferences.Get("default_org"));
        Assert.Equal(5, store.History.List()[0].ExitCode);
        Assert.Equal(Base.AddMinutes(2), new RegistrationWorkflow(store).Get("vmreg-aaaa")!.LeaseExpiresAt);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StatePath, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StatePath, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
