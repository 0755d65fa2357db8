using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.ConfigHistory;

/// <summary><c>config history clear [--yes]</c>: delete the recorded commands.</summary>
internal static class ClearCommand
{
    /// <param name="Yes">Do not ask.</param>
    internal sealed record Options(bool Yes);

    public static Command Create(CliSession session)
    {
        var yes = Cmd.Yes();
        return Cmd.New("clear", "Delete the recorded commands", yes).Runs(session, p => Run(new Options(p.GetValue(yes)), session));
    }

    public static void Run(Options options, CliSession session)
    {
        using var store = session.OpenState();
        session.Confirm($"Clear the command history in {store.DisplayPath}", options.Yes, unattendedAsPython: true);
        var removed = store.History.Clear();
        session.Output.Write(HistoryJson.Cleared(removed), () => TableView.Pairs([("removed", removed.ToString(CultureInfo.InvariantCulture))]));
    }
}
