using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.State;

namespace Rsspot.Cli.Commands.ConfigState;

/// <summary><c>config state repair</c>: salvage what sqlite can still read from state.db into a new file.</summary>
internal static class RepairCommand
{
    public static Command Create(CliSession session) => Cmd.New(
        "repair",
        "Salvage what sqlite can still read from state.db (preferences, history, registration ledger) into a new file; the damaged one is kept as state.db.broken-<time>").Runs(session, _ => Run(session));

    public static void Run(CliSession session)
    {
        var result = StateMaintenance.Repair(session.StatePath());
        session.Output.Write(StateJson.Repair(result), () => TableView.Pairs(
        [
            ("path", result.Path),
            ("moved_aside", result.MovedAsidePath ?? "(nothing to repair)"),
            ("salvaged", string.Join(", ", result.Salvaged.Select(kv => $"{kv.Key} {kv.Value.ToString(CultureInfo.InvariantCulture)}"))),
            ("lost", result.Lost.Count == 0 ? "(none)" : string.Join(", ", result.Lost)),
        ]));
    }
}
