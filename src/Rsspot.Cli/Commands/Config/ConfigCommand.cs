using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Config;

/// <summary><c>config info|set-default-*|history|state</c>.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "config",
        "The config file, state.db and the command history in it",
        InfoCommand.Create(session),
        SetDefaultProfileCommand.Create(session),
        SetDefaultOrgCommand.Create(session),
        SetDefaultRegionCommand.Create(session),
        ConfigHistory.HistoryCommand.Create(session),
        ConfigState.StateCommand.Create(session));
}
