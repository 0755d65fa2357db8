using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Workflows;

namespace Rsspot.Cli.Commands.Registration;

/// <summary><c>registration show KEY [--postgres]</c>: one record with its transition history.</summary>
internal static class ShowCommand
{
    /// <param name="Key">The registration key.</param>
    /// <param name="Postgres">The PostgreSQL ledger's connection string, or null for state.db (or the environment's).</param>
    internal sealed record Options(string Key, string? Postgres);

    public static Command Create(CliSession session)
    {
        var key = Cmd.NameArgument("key", "Registration key (vmreg-...)");
        var postgres = LedgerAccess.Postgres();
        return Cmd.New("show", "One ledger record with its transition history", key, postgres)
            .Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(key)!, p.GetValue(postgres)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var record = await LedgerAccess.WithWorkflowAsync(session, options.Postgres, workflow => workflow.GetAsync(options.Key, ct), ct).ConfigureAwait(false)
            ?? throw new RegistrationNotFoundException(options.Key);
        var json = RegistrationJson.Record(record, history: true);
        session.Output.Write(json, () => TableView.Pairs(json.Where(kv => kv.Key != "history").Select(kv => (kv.Key, CellText(kv.Value)))
            .Concat(record.History.Select((h, i) => ($"history[{i}]", (string?)$"{h.From?.ToText() ?? "-"} -> {h.To.ToText()} {h.Reason ?? h.Error}".TrimEnd())))));
    }

    // A JSON payload is shown as compact JSON; scalars as text.
    private static string? CellText(JsonNode? value) => value is JsonObject or JsonArray
        ? value.ToJsonString()
        : JsonModels.Text(new JsonObject { ["v"] = value?.DeepClone() }, "v");
}
