using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary><c>nodepools autopilot delete</c>: the pool and, on Spot's side, the spot pools it made.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliSession s)
    {
        var name = AutopilotCommand.PoolName();
        var yes = Cmd.Yes();
        return Cmd.New(
            "delete",
            "Delete an autopilot node pool (Spot removes the spot pools it made for it)\n\nExamples:\n  rsspot nodepools autopilot delete 6f1c2d3e-1111-4a2b-9c3d-123456789abc\n  rsspot nodepools autopilot delete --name 6f1c2d3e-1111-4a2b-9c3d-123456789abc -y",
            [.. name.Symbols, yes]).Runs(s, async (p, ct) =>
        {
            var poolName = name.Get(p);
            s.Confirm($"Delete {AutopilotCommand.Noun} '{poolName}' and the spot pools Spot made for it", p.GetValue(yes), name.GivenAsArgument(p));
            var status = await s.Client.AutopilotNodePools.DeleteAsync(poolName, ct).ConfigureAwait(false);
            s.Output.Write(
                new JsonShapes(() => DeletionJson.Summary(AutopilotCommand.Noun, poolName, status)),
                () => TableView.Pairs([("deleted", $"{AutopilotCommand.Noun} {poolName}"), ("status", status?.StatusProp ?? "Success")]));
        });
    }
}
