using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Registration;

/// <summary><c>registration reconcile [--omni-cluster] [--postgres]</c>: record new VMs, mark vanished ones.</summary>
internal static class ReconcileCommand
{
    /// <param name="OmniCluster">The external cluster the VMs join.</param>
    /// <param name="Postgres">The PostgreSQL ledger's connection string, or null for state.db (or the environment's).</param>
    internal sealed record Options(string? OmniCluster, string? Postgres);

    public static Command Create(CliSession session)
    {
        var omni = LedgerAccess.OmniCluster();
        var postgres = LedgerAccess.Postgres();
        return Cmd.New("reconcile", "Compare the ledger with the current VMs: record new ones, mark vanished ones", omni, postgres)
            .Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(omni), p.GetValue(postgres)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var (orgId, snapshots) = await LedgerAccess.SnapshotAsync(session, ct).ConfigureAwait(false);
        var result = await LedgerAccess.WithWorkflowAsync(session, options.Postgres, workflow => workflow.ReconcileAsync(orgId, snapshots, options.OmniCluster, ct), ct).ConfigureAwait(false);
        session.Output.Write(RegistrationJson.Reconcile(result), () => TableView.Pairs(
        [
            ("added", result.Added.Count.ToString(CultureInfo.InvariantCulture)),
            ("reappeared", result.Reappeared.Count.ToString(CultureInfo.InvariantCulture)),
            ("vanished", result.Vanished.Count.ToString(CultureInfo.InvariantCulture)),
            ("vanished_registered", result.VanishedRegistered.Count.ToString(CultureInfo.InvariantCulture)),
            ("unchanged", result.Unchanged.ToString(CultureInfo.InvariantCulture)),
        ]));
    }
}
