using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.ConfigHistory;

/// <summary><c>config history info</c>: how many commands are recorded, and when.</summary>
internal static class InfoCommand
{
    public static Command Create(CliSession session) => Cmd.New("info", "Count and time range of the recorded commands").Runs(session, _ => Run(session));

    public static void Run(CliSession session)
    {
        using var store = session.OpenState();
        var json = HistoryJson.Info(store.History.Info());
        session.Output.Write(json, () => TableView.Pairs(json.Select(kv => (kv.Key, (string?)JsonModels.Text(new JsonObject { ["v"] = kv.Value?.DeepClone() }, "v")))));
    }
}
