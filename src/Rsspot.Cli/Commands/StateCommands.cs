using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.State;

namespace Rsspot.Cli.Commands;

/// <summary><c>config state repair|reset</c>: recover from a damaged or unusable state.db.</summary>
internal static class StateCommands
{
    public static Command Create(CliSession s)
    {
        var repair = Cmd.New(
            "repair",
            "Salvage what sqlite can still read from state.db (preferences, history, registration ledger) into a new file; the damaged one is kept as state.db.broken-<time>").Runs(s, _ =>
        {
            var result = StateMaintenance.Repair(s.StatePath());
            var json = new JsonObject
            {
                ["path"] = result.Path,
                ["moved_aside"] = result.MovedAsidePath,
                ["salvaged"] = new JsonObject([.. result.Salvaged.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                ["lost"] = new JsonArray([.. result.Lost.Select(t => (JsonNode)t)]),
            };
            s.Output.Write(json, () => TableView.Pairs(
            [
                ("path", result.Path),
                ("moved_aside", result.MovedAsidePath ?? "(nothing to repair)"),
                ("salvaged", string.Join(", ", result.Salvaged.Select(kv => $"{kv.Key} {kv.Value.ToString(CultureInfo.InvariantCulture)}"))),
                ("lost", result.Lost.Count == 0 ? "(none)" : string.Join(", ", result.Lost)),
            ]));
        });

        var yes = Cmd.Yes();
        var reset = Cmd.New(
            "reset",
            "Move state.db aside (to state.db.broken-<time>) so the next command starts a fresh one: cache, history, preferences and registration ledger start empty",
            yes).Runs(s, p =>
        {
            var path = Path.GetFullPath(s.StatePath());
            s.Confirm($"Move {path} aside and start a new state database", p.GetValue(yes));
            var aside = StateMaintenance.Reset(path);
            s.Output.Write(new JsonObject { ["path"] = path, ["moved_aside"] = aside }, () => TableView.Pairs([("path", path), ("moved_aside", aside ?? "(nothing there)")]));
        });

        return Cmd.Group("state", "Repair or reset state.db when it is damaged or unusable", repair, reset);
    }
}
