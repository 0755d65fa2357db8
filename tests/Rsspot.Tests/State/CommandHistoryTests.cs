using Rsspot.Security;
using Rsspot.State;

namespace Rsspot.Tests.State;

public sealed class CommandHistoryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempStateDir _dir = new();

    public void Dispose()
    {
        _dir.Dispose();
    }

    [Fact]
    public void Entries_round_trip_with_their_arguments_exit_code_and_times()
    {
        using StateStore store = StateStore.Open(_dir.File("state.db"));
        store.History.Record("configure", ["--refresh-token", SecretPolicy.Mask, "--org", "acme"], 0, T0, TimeSpan.FromMilliseconds(120));
        store.History.Record("raw", ["--method", "GET", "--note", "x y"], 1, T0.AddSeconds(1), TimeSpan.FromSeconds(2));

        IReadOnlyList<HistoryEntry> entries = store.History.List(10);
        Assert.Equal(["--method", "GET", "--note", "x y"], entries[0].Args);
        Assert.Equal(["--refresh-token", SecretPolicy.Mask, "--org", "acme"], entries[1].Args);
        Assert.Equal(1, entries[0].ExitCode);
        Assert.Equal(TimeSpan.FromSeconds(2), entries[0].Duration);
        Assert.Equal(T0.AddSeconds(1), entries[0].At);
    }

    [Fact]
    public void History_keeps_only_the_newest_entries()
    {
        using StateStore store = StateStore.Open(_dir.File("state.db"), new StateStoreOptions { HistoryLimit = 3 });

        for (int i = 0; i < 5; i++)
        {
            store.History.Record("cmd" + i, [], 0, T0.AddMinutes(i), TimeSpan.Zero);
        }

        Assert.Equal(["cmd4", "cmd3", "cmd2"], store.History.List(10).Select(e => e.Command));
        HistoryInfo info = store.History.Info();
        Assert.Equal(3, info.Count);
        Assert.Equal(T0.AddMinutes(2), info.Oldest);
        Assert.Equal(T0.AddMinutes(4), info.Newest);
        Assert.Equal(3, info.Limit);
        Assert.Equal(store.DisplayPath, info.DatabasePath);
    }

    [Fact]
    public void Suggest_returns_distinct_commands_with_the_prefix_most_recent_first()
    {
        using StateStore store = StateStore.OpenInMemory();
        string[] commands = ["cloudspaces list", "cloudspaces get", "regions list", "cloudspaces list", "cloudspaces delete", "cloudspaces get"];
        for (int i = 0; i < commands.Length; i++)
        {
            store.History.Record(commands[i], [], 0, T0.AddSeconds(i), TimeSpan.Zero);
        }

        Assert.Equal(["cloudspaces get", "cloudspaces delete", "cloudspaces list"], store.History.Suggest("cloud", 10));
        Assert.Equal(["cloudspaces get"], store.History.Suggest("cloud", 1));
        Assert.Empty(store.History.Suggest("%", 10));
    }

    [Fact]
    public void Clear_removes_everything_and_info_reports_an_empty_history()
    {
        using StateStore store = StateStore.OpenInMemory();
        store.History.Record("a", [], 0, T0, TimeSpan.Zero);
        store.History.Record("b", [], 0, T0, TimeSpan.Zero);

        Assert.Equal(2, store.History.Clear());

        HistoryInfo info = store.History.Info();
        Assert.Equal(0, info.Count);
        Assert.Null(info.Oldest);
        Assert.Null(info.Newest);
    }
}
