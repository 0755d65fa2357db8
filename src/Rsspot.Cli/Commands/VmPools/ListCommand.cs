using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmPools;

/// <summary><c>vm-pools list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliSession s)
    {
        var vmCloudspace = new Option<string?>("--vmcloudspace", "--vm-cloudspace") { Description = "Only the pools of this VM cloudspace", HelpName = "name" };
        return Cmd.New(
            "list",
            """
            List VM pools with their bid status, of one VM cloudspace or of all.

            Examples:
              rsspot vm-pools list --vm-cloudspace my-vm-cs
              rsspot vmpools list --vmcloudspace my-vm-cs    # spotctl's spelling and output
            """,
            vmCloudspace).Runs(s, async (p, ct) =>
        {
            var pools = await s.Client.VmPools.ListAsync(p.GetValue(vmCloudspace), ct).ConfigureAwait(false);
            var org = VmOutput.Org(s);
            s.Output.Write(new JsonShapes(() => JsonModels.ToArray(pools), Spotctl: () => SpotctlVmShapes.Pools(pools.Select(VmOutput.Node), org)), () =>
            {
                var table = new TableView("NAME", "VM CLOUDSPACE", "SERVER CLASS", "TYPE", "DESIRED", "WON", "BID", "STATUS");
                foreach (var pool in pools.Select(VmPoolSummary.From).OrderBy(x => x.VmCloudspace, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal))
                {
                    table.Add(
                        pool.Name,
                        pool.VmCloudspace,
                        pool.ServerClass,
                        pool.PoolType,
                        pool.Desired?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        pool.WonCount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Prices.Table(pool.BidPrice),
                        pool.BidStatus);
                }

                return table;
            });
        });
    }
}
