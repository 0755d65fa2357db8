using Microsoft.Data.Sqlite;
using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.State;
using Rsspot.Workflows;
using P = Rsspot.Tests.State.PythonRsspotState;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>
/// The CLI on a state.db the Python rsspot wrote: its ledger is listed and shown, its command history listed, and
/// nothing is printed about the file.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PythonStateDbTests : IAsyncLifetime
{
    private readonly CliFixture _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Registration_list_and_show_and_config_history_read_what_the_Python_wrote_without_a_warning()
    {
        string registered = RegistrationKey.Compute("srv-1", "org_1", "vcs", "pool-a", "omni");
        string failed = RegistrationKey.Compute("srv-2", "org_1", "vcs", "pool-a", "omni");
        double at = P.Epoch(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.StatePath)!);
        P.RunWithSqlite(
            _cli.StatePath,
            P.LedgerRow(registered, "srv-1", "org_1", "vcs", "pool-a", "vm one", "omni", "registered", at, tokenId: "jt-1", tokenExpiresAt: at + 3600, payloadJson: "{\"machine_id\": \"m-1\"}"),
            P.LedgerRow(failed, "srv-2", "org_1", "vcs", "pool-a", "vm two", "omni", "failed", at + 1, lastError: "submit: 503"),
            new PythonStep(P.AddHistory, ("created_at", at), ("command", "registration list"), ("argv_json", P.ArgvJson("registration", "list")), ("profile", "default"), ("org", "acme"), ("region", null)),
            new PythonStep(P.PutCache, ("key", "GET:/apis/ngpc.rxt.io/v1/regions:{}:{}"), ("payload", "{\"items\": []}"), ("expires_at", at + 1e10), ("created_at", at)));
        SqliteConnection.ClearAllPools();

        var list = await _cli.RunAsync("registration", "list", "-o", "json");
        Assert.True(list.ExitCode == 0 && list.Stderr.Length == 0, list.ToString());
        Assert.Equal(
            [(registered, "registered"), (failed, "failed")],
            list.Json.AsArray().Select(r => (r!["key"]!.GetValue<string>(), r["status"]!.GetValue<string>())));

        var show = await _cli.RunAsync("registration", "show", registered, "-o", "json");
        Assert.True(show.ExitCode == 0 && show.Stderr.Length == 0, show.ToString());
        Assert.Equal("m-1", show.Json["payload"]!["machine_id"]!.GetValue<string>());
        Assert.Equal("jt-1", show.Json["token_id"]!.GetValue<string>());
        Assert.Equal("vm one", show.Json["vm_name"]!.GetValue<string>());

        var table = await _cli.RunAsync("registration", "list", "--status", "failed");
        Assert.True(table.ExitCode == 0 && table.Stderr.Length == 0, table.ToString());
        Assert.Contains("submit: 503", table.Stdout, StringComparison.Ordinal);

        // The API works as before, with no word about the file, and the Python's cached answer is not served.
        var regions = await _cli.RunAsync("regions", "list", "-o", "json");
        Assert.True(regions.ExitCode == 0 && regions.Stderr.Length == 0, regions.ToString());
        Assert.NotEmpty(regions.Json.AsArray());

        var history = await _cli.RunAsync("config", "history", "list", "-o", "json");
        Assert.True(history.ExitCode == 0 && history.Stderr.Length == 0, history.ToString());
        var python = history.Json.AsArray().Last()!;
        Assert.Equal("registration list", python["command"]!.GetValue<string>());
        Assert.Equal(["registration", "list"], python["args"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(python["exit_code"]);
        Assert.Contains(history.Json.AsArray(), e => e!["command"]!.GetValue<string>() == "regions list" && e["exit_code"]!.GetValue<int>() == 0);

        var historyTable = await _cli.RunAsync("config", "history", "list");
        Assert.True(historyTable.ExitCode == 0 && historyTable.Stderr.Length == 0, historyTable.ToString());

        // And the Python's own reads see what this tool recorded.
        var seen = P.RunWithSqlite(_cli.StatePath, new PythonStep(P.ListHistory, ("limit", 50)), new PythonStep(P.GetCache, ("key", "GET:/apis/ngpc.rxt.io/v1/regions:{}:{}")));
        Assert.Contains(seen[0]!.AsArray(), r => r![2]!.GetValue<string>() == "regions list");
        Assert.Single(seen[1]!.AsArray());
    }
}
