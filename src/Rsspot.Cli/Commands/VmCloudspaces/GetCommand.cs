using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.VmCloudspaces;

/// <summary><c>vm-cloudspaces get</c>.</summary>
internal static class GetCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmCloudspacesCommand.NameArg();
        return Cmd.New(
            "get",
            """
            Show one VM cloudspace with its phase and the machines assigned to it.

            Examples:
              rsspot vm-cloudspaces get my-vm-cs
              rsspot vmcloudspaces get --name my-vm-cs    # spotctl's spelling and output (with its VM pools)
            """,
            name.Symbols).Runs(s, async (p, ct) =>
        {
            var csName = name.Get(p);
            var json = VmOutput.Node(await s.Client.VmCloudspaces.GetAsync(csName, ct).ConfigureAwait(false));
            if (s.Output.PrintsSpotctlShape)
            {
                var pools = await s.Client.VmPools.ListAsync(csName, ct).ConfigureAwait(false);
                var org = VmOutput.Org(s);
                s.Output.Write(new JsonShapes(() => json, Spotctl: () => SpotctlVmShapes.Cloudspace(json, pools.Select(VmOutput.Node), org)), () => VmCloudspacesCommand.Pairs(json));
                return;
            }

            s.Output.Write(json, () => VmCloudspacesCommand.Pairs(json));
        });
    }
}
