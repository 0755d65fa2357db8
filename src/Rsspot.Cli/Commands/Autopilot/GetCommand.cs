using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary><c>nodepools autopilot get</c>: one autopilot pool with what Spot allocated for it.</summary>
internal static class GetCommand
{
    public static Command Create(CliSession s)
    {
        var name = AutopilotCommand.PoolName();
        return Cmd.New(
            "get",
            "Show one autopilot node pool and what Spot allocated for it (the full object with class states and allocation history in -o json/yaml)\n\nExamples:\n  rsspot nodepools autopilot get 6f1c2d3e-1111-4a2b-9c3d-123456789abc\n  rsspot nodepools autopilot get --name 6f1c2d3e-1111-4a2b-9c3d-123456789abc -o yaml",
            name.Symbols).Runs(s, async (p, ct) =>
        {
            var pool = await s.Client.AutopilotNodePools.GetAsync(name.Get(p), ct).ConfigureAwait(false);
            s.Output.Write(new JsonShapes(() => JsonModels.ToNode(pool)), () => AutopilotTable.Of([AutopilotNodePoolSummary.From(pool)]));
        });
    }
}
