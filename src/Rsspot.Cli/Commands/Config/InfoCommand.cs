using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.State;

namespace Rsspot.Cli.Commands.Config;

/// <summary><c>config info</c>: which config source won, the file, the profile and state.db (secrets redacted).</summary>
internal static class InfoCommand
{
    public static Command Create(CliSession session) =>
        Cmd.New("info", "Show which config source won, the file, the profile and state.db (secrets redacted)").Runs(session, _ => Run(session));

    public static void Run(CliSession session)
    {
        var resolved = session.ResolveConfig();
        var (name, selectedBy) = resolved.SelectProfile(session.ProfileName);
        var profile = resolved.GetProfile(session.ProfileName);
        var statePath = profile.StatePath ?? (resolved.StateInMemory ? null : resolved.StatePath);
        var json = ConfigJson.Info(resolved, name, selectedBy, profile, statePath);
        session.Output.Write(new JsonShapes(() => json, () => PythonConfigInfo.Build(resolved, name, HistoryCount(session))), () => TableView.Pairs(
        [
            ("source", resolved.Source.ToString()),
            ("config_file", resolved.Source.Path ?? "(none)"),
            ("profile", $"{name} (selected by {selectedBy ?? "default"})"),
            ("profiles", string.Join(", ", resolved.ProfileNames.Order(StringComparer.Ordinal))),
            ("state_path", statePath ?? "(in memory: no home directory and no config file)"),
            .. profile.ToRedactedPairs().Where(kv => kv.Key != "name" && kv.Key != "state_path").Select(kv => (kv.Key, kv.Value)),
        ]));
    }

    // config info prints the history's size as the Python rsspot does; a state.db that cannot be read counts none.
    private static (int Count, int Limit) HistoryCount(CliSession session)
    {
        try
        {
            using var store = session.OpenState();
            var info = store.History.Info();
            return (info.Count, info.Limit);
        }
        catch (StateStoreException)
        {
            return (0, 0);
        }
    }
}
