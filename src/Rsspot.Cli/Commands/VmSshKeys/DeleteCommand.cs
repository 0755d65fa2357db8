using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmSshKeys;

/// <summary><c>vm-ssh-keys delete</c>.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmSshKeysCommand.NameArg();
        var yes = Cmd.Yes();
        return Cmd.New(
            "delete",
            """
            Delete a VM SSH key.

            Examples:
              rsspot vm-ssh-keys delete my-ssh-key --yes
              rsspot vmsshkeys delete --name my-ssh-key -y    # spotctl's spelling
            """,
            [.. name.Symbols, yes]).Runs(s, async (p, ct) =>
        {
            var keyName = name.Get(p);
            VmNames.EnsureResourceName(keyName, "VM SSH key");
            s.Confirm($"Delete VM SSH key '{keyName}'", p.GetValue(yes));
            var status = await s.Client.VmSshKeys.DeleteAsync(keyName, ct).ConfigureAwait(false);
            VmOutput.Deleted(s, "vm ssh key", "VM SSH key", keyName, status);
        });
    }
}
