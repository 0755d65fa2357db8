using Microsoft.Data.Sqlite;
using Rsspot.Configuration;
using Rsspot.State;

namespace Rsspot.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly TempStateDir _dir = new();

    public void Dispose()
    {
        _dir.Dispose();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void Open_creates_the_directory_and_an_owner_only_wal_database_with_all_tables()
    {
        string path = _dir.File("nested/dir/state.db");

        using (StateStore store = StateStore.Open(path))
        {
            Assert.Equal(path, store.Path);
            Assert.Equal(StateSchema.CurrentVersion, store.SchemaVersion);
        }

        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal((long)StateSchema.CurrentVersion, Scalar(path, "PRAGMA user_version"));
        foreach (string table in new[] { "preferences", "http_cache", "command_history", "registration_ledger", "rsspot_http_cache", "bid_changes" })
        {
            Assert.Equal(1L, Scalar(path, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Data_survives_closing_and_reopening()
    {
        string path = _dir.File("state.db");
        using (StateStore store = StateStore.Open(path))
        {
            store.Preferences.Set("default_org", "acme");
        }

        using StateStore reopened = StateStore.Open(path);
        Assert.Equal("acme", reopened.Preferences.Get("default_org"));
    }

    [Fact]
    public void A_version_1_database_is_upgraded_in_place_keeping_its_rows()
    {
        string path = _dir.File("old.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT, updated_at TEXT NOT NULL);
                CREATE TABLE http_cache (key TEXT PRIMARY KEY, status_code INTEGER NOT NULL, content_type TEXT, body BLOB NOT NULL, stored_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
                CREATE TABLE command_history (id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL, args TEXT NOT NULL, exit_code INTEGER NOT NULL, at TEXT NOT NULL, duration_ms INTEGER NOT NULL);
                CREATE TABLE registration_ledger (key TEXT PRIMARY KEY, vm_uid TEXT NOT NULL, org_id TEXT, vmcloudspace TEXT, vmpool TEXT, vm_name TEXT, omni_cluster TEXT, token_id TEXT, token_expires_at TEXT, status TEXT NOT NULL, last_error TEXT, payload TEXT, updated_at TEXT NOT NULL);
                INSERT INTO preferences VALUES ('k', 'v', '2024-01-01T00:00:00.0000000Z');
                INSERT INTO registration_ledger (key, vm_uid, org_id, vmcloudspace, status, updated_at) VALUES ('vmreg-old', 'srv-1', 'org-1', 'vcs', 'submitted', '2024-01-02T00:00:00.0000000Z');
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        using StateStore store = StateStore.Open(path);
        var workflow = new Rsspot.Workflows.RegistrationWorkflow(store);
        Rsspot.Workflows.RegistrationRecord? record = workflow.Get("vmreg-old");

        Assert.Equal(StateSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal("v", store.Preferences.Get("k"));
        Assert.NotNull(record);
        Assert.Equal(Rsspot.Workflows.RegistrationStatus.Submitted, record.Status);
        Assert.Equal(0, record.Version);
        Assert.Empty(record.History);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), record.CreatedAt);
        Assert.Equal(Rsspot.Workflows.RegistrationStatus.Registered, workflow.Transition("vmreg-old", Rsspot.Workflows.RegistrationStatus.Registered).Status);
    }

    [Fact]
    public void A_database_from_a_newer_release_is_refused_untouched()
    {
        string path = _dir.File("future.db");
        Scalar(path, "PRAGMA user_version = 99");

        StateStoreException ex = Assert.Throws<StateStoreException>(() => StateStore.Open(path));

        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
        Assert.Equal(99L, Scalar(path, "PRAGMA user_version"));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_reported()
    {
        string path = _dir.File("garbage.db");
        File.WriteAllText(path, "this is not sqlite, just text that is long enough to be read as a header....");

        StateStoreException ex = Assert.Throws<StateStoreException>(() => StateStore.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_memory_stores_are_private_and_live_as_long_as_the_store()
    {
        using StateStore a = StateStore.OpenInMemory();
        using StateStore b = StateStore.OpenInMemory();

        a.Preferences.Set("x", "1");

        Assert.Equal("1", a.Preferences.Get("x"));
        Assert.Null(b.Preferences.Get("x"));
        Assert.Null(a.Path);
        Assert.Equal(":memory:", a.DisplayPath);
    }

    [Fact]
    public void Preferences_get_set_remove_all()
    {
        using StateStore store = StateStore.OpenInMemory();

        store.Preferences.Set("b", "2");
        store.Preferences.Set("a", "1");
        store.Preferences.Set("a", "one");

        Assert.Equal(new Dictionary<string, string?> { ["a"] = "one", ["b"] = "2" }, store.Preferences.All());
        Assert.True(store.Preferences.Remove("a"));
        Assert.False(store.Preferences.Remove("a"));
        Assert.Null(store.Preferences.Get("a"));
    }

    [Fact]
    public void State_path_resolution_follows_explicit_config_config_dir_home()
    {
        var paths = new ConfigPaths(_dir.Path);
        string configFile = _dir.File("cfg/config.yaml");

        Assert.Equal(_dir.File("x.db"), StatePaths.Resolve(_dir.File("x.db"), "ignored.db", configFile, paths));
        Assert.Equal(_dir.File("cfg/s.db"), StatePaths.Resolve(null, "s.db", configFile, paths));
        Assert.Equal(_dir.File("cfg/state.db"), StatePaths.Resolve(null, null, configFile, paths));
        Assert.Equal(Path.Combine(_dir.Path, ".config", "rsspot", "state.db"), StatePaths.Resolve(null, null, null, paths));
    }

    [Fact]
    public async Task Four_processes_writing_500_times_each_lose_nothing()
    {
        string path = _dir.File("shared.db");
        string go = _dir.File("go");
        using (StateStore.Open(path))
        {
        }

        var processes = Enumerable.Range(0, 4).Select(i => StateWriterProcess.Start("prefs", path, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "500", go)).ToList();
        await File.WriteAllTextAsync(go, "go");
        foreach (System.Diagnostics.Process process in processes)
        {
            using (process)
            {
                await StateWriterProcess.CompleteAsync(process);
            }
        }

        using StateStore store = StateStore.Open(path);
        IReadOnlyDictionary<string, string?> all = store.Preferences.All();
        Assert.Equal(2000, all.Count);
        for (int writer = 0; writer < 4; writer++)
        {
            for (int i = 0; i < 500; i++)
            {
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), all[$"w{writer}-{i}"]);
            }
        }
    }
}
