using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmCloudspaces;

/// <summary><c>vm-cloudspaces list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliSession s)
    {
        var selector = new Option<string?>("--selector", "-l") { Description = "Label selector, e.g. team=web" };
        return Cmd.New(
            "list",
            """
            List the VM cloudspaces of the organization (spotctl's spelling lists each with its VM pools).

            Examples:
              rsspot vm-cloudspaces list
              rsspot vmcloudspaces list --org my-org      # spotctl's spelling and output
            """,
            selector).Runs(s, async (p, ct) =>
        {
            var cloudspaces = await s.Client.VmCloudspaces.ListAsync(p.GetValue(selector), ct).ConfigureAwait(false);
            if (s.Output.PrintsSpotctlShape)
            {
                var pools = await VmCloudspacesCommand.PoolsByCloudspaceAsync(s, null, ct).ConfigureAwait(false);
                var org = VmOutput.Org(s);
                var shaped = cloudspaces.Select(c => SpotctlVmShapes.Cloudspace(VmOutput.Node(c), pools[c.Metadata?.Name ?? string.Empty].Select(VmOutput.Node), org));
                s.Output.Write(new JsonShapes(() => null, Spotctl: () => SpotctlVmShapes.Cloudspaces(shaped)), () => new TableView());
                return;
            }

            s.Output.Write(new JsonShapes(() => JsonModels.ToArray(cloudspaces)), () =>
            {
                var table = new TableView("NAME", "REGION", "PHASE", "SSH KEY", "SERVERS", "WEBHOOK");
                foreach (var c in cloudspaces.Select(VmCloudspaceSummary.From).OrderBy(c => c.Name, StringComparer.Ordinal))
                {
                    table.Add(c.Name, c.Region, c.Phase, c.SshKey, c.Servers.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Webhook);
                }

                return table;
            });
        });
    }
}
