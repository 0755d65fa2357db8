using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.ConfigState;

/// <summary><c>config state repair|reset</c>: recover from a damaged or unusable state.db.</summary>
internal static class StateCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "state",
        "Repair or reset state.db when it is damaged or unusable",
        RepairCommand.Create(session),
        ResetCommand.Create(session));
}
