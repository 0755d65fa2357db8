using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.State;

namespace Rsspot.Cli.Commands.ConfigState;

/// <summary><c>config state reset [--yes]</c>: move state.db aside so the next command starts a fresh one.</summary>
internal static class ResetCommand
{
    /// <param name="Yes">Whether to go ahead without asking.</param>
    internal sealed record Options(bool Yes);

    public static Command Create(CliSession session)
    {
        var yes = Cmd.Yes();
        return Cmd.New(
            "reset",
            "Move state.db aside (to state.db.broken-<time>) so the next command starts a fresh one: cache, history, preferences and registration ledger start empty",
            yes).Runs(session, p => Run(new Options(p.GetValue(yes)), session));
    }

    public static void Run(Options options, CliSession session)
    {
        var path = Path.GetFullPath(session.StatePath());
        session.Confirm($"Move {path} aside and start a new state database", options.Yes);
        var aside = StateMaintenance.Reset(path);
        session.Output.Write(new JsonObject { ["path"] = path, ["moved_aside"] = aside }, () => TableView.Pairs([("path", path), ("moved_aside", aside ?? "(nothing there)")]));
    }
}
