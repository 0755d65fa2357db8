using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.VmPools;

/// <summary><c>vm-pools get</c>.</summary>
internal static class GetCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmPoolsCommand.NameArg();
        return Cmd.New(
            "get",
            """
            Show one VM pool with its bid status.

            Examples:
              rsspot vm-pools get 6f1c2d3e-1111-4a2b-9c3d-123456789abc
              rsspot vmpools get --name 6f1c2d3e-1111-4a2b-9c3d-123456789abc    # spotctl's spelling and output
            """,
            name.Symbols).Runs(s, async (p, ct) =>
        {
            var json = VmOutput.Node(await s.Client.VmPools.GetAsync(name.Get(p), ct).ConfigureAwait(false));
            var org = VmOutput.Org(s);
            s.Output.Write(new JsonShapes(() => json, Spotctl: () => SpotctlVmShapes.Pool(json, org)), () => VmPoolsCommand.Pairs(json));
        });
    }
}
