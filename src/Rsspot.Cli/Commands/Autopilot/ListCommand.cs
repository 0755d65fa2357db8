using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary><c>nodepools autopilot list</c>: every autopilot pool, or one cloudspace's, with what Spot allocated.</summary>
internal static class ListCommand
{
    public static Command Create(CliSession s)
    {
        var cloudspace = AutopilotCommand.CloudspaceOption();
        return Cmd.New(
            "list",
            "List autopilot node pools (all, or one cloudspace's) with their allocations: class, nodes won/desired, bid and market\n\nExamples:\n  rsspot nodepools autopilot list\n  rsspot nodepools autopilot list --cloudspace demo -o json",
            cloudspace).Runs(s, async (p, ct) =>
        {
            var pools = await s.Client.AutopilotNodePools.ListAsync(p.GetValue(cloudspace), ct).ConfigureAwait(false);
            s.Output.Write(new JsonShapes(() => JsonModels.ToArray(pools)), () => AutopilotTable.Of(pools.Select(AutopilotNodePoolSummary.From)));
        });
    }
}
