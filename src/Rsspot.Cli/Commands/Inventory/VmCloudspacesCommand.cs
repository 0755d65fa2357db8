using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Inventory;

/// <summary><c>inventory vmcloudspaces</c>: VM cloudspaces and their assigned servers.</summary>
internal static class VmCloudspacesCommand
{
    public static Command Create(CliSession session) =>
        Cmd.New("vmcloudspaces", "VM cloudspaces and their assigned servers").Runs(session, (_, ct) => RunAsync(session, ct));

    public static async Task RunAsync(CliSession session, CancellationToken ct)
    {
        if (session.Output.PrintsPythonShape(hasSpotctlShape: false))
        {
            var answer = await ApiAnswers.ListAsync(session, "vmcloudspaces", null, ct).ConfigureAwait(false);
            session.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(PythonModels.VmCloudspace), answer)), () => new TableView());
            return;
        }

        var items = await session.Client.Inventory.ListVmCloudspacesAsync(ct).ConfigureAwait(false);
        session.Output.Write(JsonModels.ToArray(items), () =>
        {
            var table = new TableView("VMCLOUDSPACE", "REGION", "SERVER", "NAME", "POOL", "IP", "STATE");
            foreach (var cs in items.OrderBy(c => c.Metadata?.Name, StringComparer.Ordinal))
            {
                var vms = InventoryService.AssignedVms(cs);
                if (vms.Count == 0)
                {
                    table.Add(cs.Metadata?.Name, cs.Spec?.Region);
                }

                foreach (var vm in vms)
                {
                    table.Add(cs.Metadata?.Name, cs.Spec?.Region, vm.ServerName ?? vm.Key, vm.DisplayName, vm.NodePoolName, vm.Ip, vm.State);
                }
            }

            return table;
        });
    }
}
