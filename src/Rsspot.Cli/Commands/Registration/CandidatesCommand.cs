using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Workflows;

namespace Rsspot.Cli.Commands.Registration;

/// <summary><c>registration candidates [--omni-cluster]</c>: the VMs that could be registered, with their ledger status.</summary>
internal static class CandidatesCommand
{
    /// <param name="OmniCluster">The external cluster the VMs join.</param>
    internal sealed record Options(string? OmniCluster);

    public static Command Create(CliSession session)
    {
        var omni = LedgerAccess.OmniCluster();
        return Cmd.New("candidates", "VMs that could be registered (one per assigned server), with their ledger status", omni)
            .Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(omni)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var (orgId, snapshots) = await LedgerAccess.SnapshotAsync(session, ct).ConfigureAwait(false);
        var candidates = RegistrationWorkflow.ListCandidates(orgId, snapshots, options.OmniCluster);
        using var store = session.OpenState();
        var workflow = new RegistrationWorkflow(store);
        var rows = candidates.Select(c => (Candidate: c, Status: workflow.Get(c.Key)?.Status.ToText())).ToList();
        var json = new JsonArray([.. rows.Select(r => (JsonNode)RegistrationJson.Candidate(r.Candidate, r.Status))]);
        session.Output.Write(json, () =>
        {
            var table = new TableView("KEY", "VMCLOUDSPACE", "POOL", "VM", "UID", "LEDGER");
            foreach (var (c, status) in rows)
            {
                table.Add(c.Key, c.VmCloudspace, c.VmPool, c.VmName, c.VmUid, status ?? "(new)");
            }

            return table;
        });
    }
}
