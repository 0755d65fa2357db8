using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmPools;

/// <summary><c>vm-pools delete</c>.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmPoolsCommand.NameArg();
        var yes = Cmd.Yes();
        return Cmd.New(
            "delete",
            """
            Delete a VM pool and its machines.

            Examples:
              rsspot vm-pools delete 6f1c2d3e-1111-4a2b-9c3d-123456789abc --yes
              rsspot vmpools delete --name 6f1c2d3e-1111-4a2b-9c3d-123456789abc -y    # spotctl's spelling
            """,
            [.. name.Symbols, yes]).Runs(s, async (p, ct) =>
        {
            var poolName = name.Get(p);
            VmNames.EnsurePoolName(poolName);
            s.Confirm($"Delete VM pool '{poolName}' and its machines", p.GetValue(yes));
            var status = await s.Client.VmPools.DeleteAsync(poolName, ct).ConfigureAwait(false);
            VmOutput.Deleted(s, "vm pool", "VM pool", poolName, status);
        });
    }
}
