using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmSshKeys;

/// <summary><c>vm-ssh-keys list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliSession s)
    {
        var selector = new Option<string?>("--selector", "-l") { Description = "Label selector, e.g. team=web" };
        return Cmd.New(
            "list",
            """
            List the VM SSH keys of the organization.

            Examples:
              rsspot vm-ssh-keys list
              rsspot vmsshkeys list --org my-org    # spotctl's spelling
            """,
            selector).Runs(s, async (p, ct) =>
        {
            var keys = await s.Client.VmSshKeys.ListAsync(p.GetValue(selector), ct).ConfigureAwait(false);
            var org = VmOutput.Org(s);
            s.Output.Write(new JsonShapes(() => JsonModels.ToArray(keys), Spotctl: () => SpotctlVmShapes.SshKeys(keys.Select(VmOutput.Node), org)), () =>
            {
                var table = new TableView("NAME", "FINGERPRINT", "VALIDATED", "DESCRIPTION", "CREATED");
                foreach (var key in keys.Select(VmSshKeySummary.From).OrderBy(k => k.Name, StringComparer.Ordinal))
                {
                    table.Add(key.Name, key.Fingerprint, key.Validated ? "true" : "false", key.Description, VmOutput.When(key.CreatedAt));
                }

                return table;
            });
        });
    }
}
