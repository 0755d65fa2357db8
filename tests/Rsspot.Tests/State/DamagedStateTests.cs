using Microsoft.Data.Sqlite;
using Rsspot.State;

namespace Rsspot.Tests.State;

/// <summary>A damaged or unusable state.db: failures are StateStoreExceptions naming the file, and repair/reset recover.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DamagedStateTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempStateDir _dir = new();

    public void Dispose()
    {
        _dir.Dispose();
    }

    /// <summary>Overwrites every page after the first (the header and the schema) with garbage.</summary>
    internal static void Corrupt(string path)
    {
        SqliteConnection.ClearAllPools();
        byte[] bytes = File.ReadAllBytes(path);
        int pageSize = (bytes[16] << 8) | bytes[17];
        Assert.True(bytes.Length > pageSize, "the database must have more than one page to corrupt");
        for (int i = pageSize; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void A_malformed_database_fails_with_a_state_error_naming_the_file_and_records_the_fault()
    {
        string path = _dir.File("state.db");
        Fill(path);
        Corrupt(path);

        using StateStore store = StateStore.Open(path);
        StateStoreException ex = Assert.Throws<StateStoreException>(() => store.History.List());

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
        Assert.Same(ex, store.Fault);
    }

    [Fact]
    public void A_directory_in_place_of_state_db_is_a_state_error()
    {
        string path = _dir.File("state.db");
        Directory.CreateDirectory(path);

        StateStoreException ex = Assert.Throws<StateStoreException>(() => StateStore.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_folder_is_a_state_error_not_an_io_exception()
    {
        if (Environment.UserName == "root")
        {
            return; // root ignores permissions; the CLI test covers the message
        }

        string folder = _dir.File("ro");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Assert.Throws<StateStoreException>(() => StateStore.Open(Path.Combine(folder, "state.db")));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Repair_salvages_readable_tables_and_keeps_the_damaged_file_aside()
    {
        string path = _dir.File("state.db");
        Fill(path);

        StateRepairResult result = StateMaintenance.Repair(path);

        Assert.Equal(3, result.Salvaged["command_history"]);
        Assert.Empty(result.Lost);
        Assert.NotNull(result.MovedAsidePath);
        Assert.True(File.Exists(result.MovedAsidePath));
        using StateStore store = StateStore.Open(path);
        Assert.Equal(3, store.History.List().Count);
        Assert.Equal("v", store.Preferences.Get("k"));
    }

    [Fact]
    public void Repair_of_a_malformed_file_starts_afresh_and_reports_what_was_lost()
    {
        string path = _dir.File("state.db");
        Fill(path);
        Corrupt(path);

        StateRepairResult result = StateMaintenance.Repair(path);

        Assert.Contains("command_history", result.Lost);
        using StateStore store = StateStore.Open(path);
        store.History.Record("after", [], 0, T0, TimeSpan.Zero);
        Assert.Single(store.History.List());
    }

    [Fact]
    public void Reset_moves_a_directory_or_a_file_aside()
    {
        string path = _dir.File("state.db");
        Directory.CreateDirectory(path);

        string? aside = StateMaintenance.Reset(path);

        Assert.True(Directory.Exists(aside));
        Assert.False(Directory.Exists(path));
        using StateStore store = StateStore.Open(path);
        Assert.Empty(store.History.List());
        Assert.Null(StateMaintenance.Reset(_dir.File("none.db")));
    }

    private static void Fill(string path)
    {
        using StateStore store = StateStore.Open(path);
        for (int i = 0; i < 3; i++)
        {
            store.History.Record("cmd" + i, ["--x", new string('y', 3000)], 0, T0.AddSeconds(i), TimeSpan.Zero);
        }

        store.Preferences.Set("k", "v");
        using SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
    }
}
