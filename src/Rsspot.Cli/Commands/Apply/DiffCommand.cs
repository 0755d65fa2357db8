using System.CommandLine;
using Rsspot.Apply;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;

namespace Rsspot.Cli.Commands.Apply;

/// <summary><c>rsspot diff -f FILE</c>: the plan of <c>apply</c>, changing nothing; exit 1 when there is something to do.</summary>
internal static class DiffCommand
{
    public static Command Create(CliSession s)
    {
        var file = FileSpecs.FileOption();
        var prune = FileSpecs.PruneOption();
        var maxBid = FileSpecs.MaxBidOption();
        var command = Cmd.New(
            "diff",
            """
            Show what 'rsspot apply -f FILE' would change: cloudspaces and pools to create, each changed field of those
            to update (also changes made outside the file, such as a bid changed by hand or by the bid guard), pools to
            delete with --prune, and fixed fields (region, server class, deployment type) that need a replace.
            Changes nothing. Exit code 0: nothing to do; 1: there are changes (like kubectl diff); 2 or more: an error.

            Examples:
              rsspot diff -f clusters.yaml
              rsspot diff -f clusters.yaml --prune -o json
            """,
            file,
            prune,
            maxBid);
        return command.RunsForExitCode(s, async (p, ct) =>
        {
            var specs = FileSpecs.Load(s, p, file);
            var options = new ApplyOptions { Prune = p.GetValue(prune), MaxBid = GuardFlags.Usd(p.TypedName(maxBid), p.GetValue(maxBid)) };
            var plan = await s.Client.Apply.PlanAsync(specs, options, ct).ConfigureAwait(false);
            FileSpecs.Print(s, plan);
            return plan.HasChanges ? ExitCodes.Other : ExitCodes.Ok;
        });
    }
}
