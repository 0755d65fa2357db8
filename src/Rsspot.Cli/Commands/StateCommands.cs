using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands;

/// <summary>
/// <c>config state repair|reset</c>: recover from a damaged or unusable state.db. The verbs live in
/// <c>Commands/ConfigState</c>; this group stays beside <c>config</c>, which adds it.
/// </summary>
internal static class StateCommands
{
    public static Command Create(CliSession s) => Cmd.Group(
        "state",
        "Repair or reset state.db when it is damaged or unusable",
        ConfigState.RepairCommand.Create(s),
        ConfigState.ResetCommand.Create(s));
}
