using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmCloudspaces;

/// <summary><c>vm-cloudspaces delete</c>.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmCloudspacesCommand.NameArg();
        var yes = Cmd.Yes();
        return Cmd.New(
            "delete",
            """
            Delete a VM cloudspace with its VM pools and machines.

            Examples:
              rsspot vm-cloudspaces delete my-vm-cs --yes
              rsspot vmcloudspaces delete --name my-vm-cs -y     # spotctl's spelling
            """,
            [.. name.Symbols, yes]).Runs(s, async (p, ct) =>
        {
            var csName = name.Get(p);
            VmNames.EnsureResourceName(csName, "VM cloudspace");
            s.Confirm($"Delete VM cloudspace '{csName}' with its VM pools and machines", p.GetValue(yes));
            var status = await s.Client.VmCloudspaces.DeleteAsync(csName, ct).ConfigureAwait(false);
            VmOutput.Deleted(s, "vm cloudspace", "VM cloudspace", csName, status);
        });
    }
}
