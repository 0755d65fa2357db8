using Microsoft.Data.Sqlite;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.ConfigHistory;

/// <summary>config history list|info|clear: every command recorded in state.db, its arguments redacted.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HistoryCommandTests : IDisposable
{
    private const string Token = "rt-Secret9Value-ThatMustNeverLandInStateDb-42";
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-history-").FullName;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task History_records_every_command_with_the_token_redacted()
    {
        var statePath = Path.Combine(_home, ".config", "rsspot", "state.db");
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "configure", "--org", "acme", "--refresh-token", Token)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync(Env, null, "regions", "list", "--bogus")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "--version")).ExitCode);

        var list = await CliRunner.RunAsync(Env, null, "config", "history", "list", "-o", "json");
        Assert.Equal(0, list.ExitCode);
        var entries = list.Json.AsArray();
        Assert.Equal(["regions list", "configure"], entries.Select(e => e!["command"]!.GetValue<string>()));
        Assert.Equal(2, entries[0]!["exit_code"]!.GetValue<int>());
        Assert.Contains("***REDACTED***", entries[1]!["args"]!.AsArray().Select(a => a!.GetValue<string>()));

        SqliteConnection.ClearAllPools();
        await using (var db = new SqliteConnection($"Data Source={statePath};Mode=ReadOnly;Pooling=False"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT command || ' ' || argv_json FROM command_history";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            Assert.NotEmpty(rows);
            Assert.DoesNotContain(rows, r => r.Contains(Token, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(statePath)!, "state.db*"))
        {
            Assert.DoesNotContain(Token, File.ReadAllText(file), StringComparison.Ordinal);
        }

        var info = await CliRunner.RunAsync(Env, null, "config", "history", "info", "-o", "json");
        Assert.True(info.Json["count"]!.GetValue<int>() >= 3);
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "config", "history", "clear", "--yes")).ExitCode);
    }
}
