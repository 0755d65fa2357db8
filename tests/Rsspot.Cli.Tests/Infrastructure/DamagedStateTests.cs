using Microsoft.Data.Sqlite;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Infrastructure;

/// <summary>
/// state.db damaged, replaced by a directory, or in a read-only folder: API work goes on with one warning that
/// names the file and the fix; commands that need the state exit 3; config state repair|reset recover.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DamagedStateTests : IAsyncLifetime
{
    private readonly CliFixture _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Eight_parallel_runs_against_a_malformed_state_db_all_complete_their_api_work()
    {
        await FillAndCorruptAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _cli.RunAsync("regions", "list", "-o", "json")));

        Assert.All(runs, run =>
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.NotEmpty(run.Json.AsArray());
            Assert.Equal(1, Count(run.Stderr, "warning:"));
            Assert.Contains(_cli.StatePath, run.Stderr, StringComparison.Ordinal);
            Assert.Contains("malformed", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("rsspot config state repair", run.Stderr, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Commands_that_need_the_state_exit_3_and_repair_brings_it_back()
    {
        await FillAndCorruptAsync();

        var history = await _cli.RunAsync("config", "history", "list");
        Assert.True(history.ExitCode == 3, history.ToString());
        Assert.Contains(_cli.StatePath, history.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, Count(history.Stderr, _cli.StatePath));

        var repair = await _cli.RunAsync("config", "state", "repair", "-o", "json");
        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains("command_history", repair.Json["lost"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(File.Exists(repair.Json["moved_aside"]!.GetValue<string>()));

        var after = await _cli.RunAsync("regions", "list");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal(string.Empty, after.Stderr);
        Assert.Equal(0, (await _cli.RunAsync("config", "history", "list")).ExitCode);
    }

    [Fact]
    public async Task A_directory_in_place_of_state_db_is_reported_once_and_reset_moves_it_aside()
    {
        Directory.CreateDirectory(_cli.StatePath);

        var list = await _cli.RunAsync("regions", "list", "-o", "json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(1, Count(list.Stderr, "warning:"));
        Assert.Contains("directory", list.Stderr, StringComparison.Ordinal);

        var ledger = await _cli.RunAsync("registration", "list");
        Assert.True(ledger.ExitCode == 3, ledger.ToString());
        Assert.DoesNotContain("IOException", ledger.Stderr, StringComparison.Ordinal);

        Assert.Equal(2, (await _cli.RunAsync("config", "state", "reset")).ExitCode);
        var reset = await _cli.RunAsync("config", "state", "reset", "--yes", "-o", "json");
        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.True(Directory.Exists(reset.Json["moved_aside"]!.GetValue<string>()));
        Assert.Equal(string.Empty, (await _cli.RunAsync("regions", "list")).Stderr);
    }

    private async Task FillAndCorruptAsync()
    {
        // Long arguments fill history pages; the answers fill cache pages.
        for (var i = 0; i < 3; i++)
        {
            await _cli.RunAsync("regions", "list", "--region", "filler-" + new string('x', 3000));
        }

        Assert.Equal(0, (await _cli.RunAsync("server-classes", "list")).ExitCode);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.StatePath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        var bytes = await File.ReadAllBytesAsync(_cli.StatePath);
        var pageSize = (bytes[16] << 8) | bytes[17];
        Assert.True(bytes.Length > pageSize * 3, "state.db must have pages beyond the schema to corrupt");
        for (var i = pageSize; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        await File.WriteAllBytesAsync(_cli.StatePath, bytes);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
