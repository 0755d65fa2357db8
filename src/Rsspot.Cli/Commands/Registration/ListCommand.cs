using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Workflows;

namespace Rsspot.Cli.Commands.Registration;

/// <summary><c>registration list [--status]... [--vmcloudspace] [--postgres]</c>: the ledger's records.</summary>
internal static class ListCommand
{
    /// <param name="Statuses">Only these statuses (none: all).</param>
    /// <param name="VmCloudspace">Only this VM cloudspace.</param>
    /// <param name="Postgres">The PostgreSQL ledger's connection string, or null for state.db (or the environment's).</param>
    internal sealed record Options(IReadOnlyList<RegistrationStatus> Statuses, string? VmCloudspace, string? Postgres);

    public static Command Create(CliSession session)
    {
        var status = Cmd.Repeatable("--status", "Only these statuses: discovered, token_issued, submitted, registered, failed, skipped (repeatable)", "status");
        status.CompletionSources.Add(LedgerAccess.Statuses);
        var vmCloudspace = new Option<string?>("--vmcloudspace") { Description = "Only this VM cloudspace" };
        var postgres = LedgerAccess.Postgres();
        return Cmd.New("list", "Ledger records", status, vmCloudspace, postgres).Runs(session, (p, ct) => RunAsync(
            new Options([.. (p.GetValue(status) ?? []).Select(text => LedgerAccess.ParseStatus(text, "--status"))], p.GetValue(vmCloudspace), p.GetValue(postgres)),
            session,
            ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var statuses = options.Statuses.ToArray();
        var records = await LedgerAccess.WithWorkflowAsync(session, options.Postgres, workflow => workflow.Ledger.ListAsync(statuses, options.VmCloudspace, ct), ct).ConfigureAwait(false);
        var list = records.OrderBy(r => r.VmCloudspace, StringComparer.Ordinal).ThenBy(r => r.VmName, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        session.Output.Write(new JsonArray([.. list.Select(r => (JsonNode)RegistrationJson.Record(r, history: false))]), () =>
        {
            var table = new TableView("KEY", "STATUS", "VMCLOUDSPACE", "POOL", "VM", "LAST ERROR");
            foreach (var r in list)
            {
                table.Add(r.Key, r.Status.ToText(), r.VmCloudspace, r.VmPool, r.VmName, r.LastError);
            }

            return table;
        });
    }
}
