using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.VmSshKeys;

/// <summary><c>vm-ssh-keys list|get|create|delete</c> (spotctl: <c>vmsshkeys</c>, <c>vmsshkey</c>, <c>vmsk</c>).</summary>
internal static class VmSshKeysCommand
{
    public static Command Create(CliSession s) => Cmd.Group(
        "vm-ssh-keys",
        "VM SSH keys: the public keys the machines of VM cloudspaces accept (spotctl: vmsshkeys, vmsk)",
        ListCommand.Create(s),
        GetCommand.Create(s),
        CreateCommand.Create(s),
        DeleteCommand.Create(s));

    internal static NameInput NameArg() => new("name", "VM SSH key name");
}
