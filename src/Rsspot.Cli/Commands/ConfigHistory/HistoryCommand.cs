using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.ConfigHistory;

/// <summary><c>config history info|list|clear</c>: the commands recorded in state.db.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "history",
        "Commands recorded in state.db (command_history, redacted)",
        InfoCommand.Create(session),
        ListCommand.Create(session),
        ClearCommand.Create(session));
}
