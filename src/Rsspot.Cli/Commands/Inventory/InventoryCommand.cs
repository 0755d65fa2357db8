using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Inventory;

/// <summary><c>inventory vmcloudspaces|vmpools|events</c>.</summary>
internal static class InventoryCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "inventory",
        "VM inventory and organization events",
        VmCloudspacesCommand.Create(session),
        VmPoolsCommand.Create(session),
        EventsCommand.Create(session));
}
