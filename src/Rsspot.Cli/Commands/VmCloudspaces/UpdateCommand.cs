using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.VmCloudspaces;

/// <summary><c>vm-cloudspaces update</c>: the webhook, the one field that changes.</summary>
internal static class UpdateCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmCloudspacesCommand.NameArg();
        var webhook = new Option<string?>("--webhook") { Description = "New preemption webhook URL; \"\" clears it", HelpName = "url" };
        return Cmd.New(
            "update",
            """
            Change a VM cloudspace's preemption webhook (the one setting that can change).

            Examples:
              rsspot vm-cloudspaces update my-vm-cs --webhook https://example.com/new-hook
              rsspot vmcloudspaces update --name my-vm-cs --webhook ""     # clears it (spotctl's spelling)
            """,
            [.. name.Symbols, webhook]).Runs(s, async (p, ct) =>
        {
            var csName = name.Get(p);
            var hook = p.GetValue(webhook) ?? throw new CliUsageException("--webhook: give the new webhook URL, or \"\" to clear it (it is the one setting of a VM cloudspace that changes).");
            var updated = await s.Client.VmCloudspaces.UpdateWebhookAsync(csName, hook, ct).ConfigureAwait(false);
            if (s.Output.PrintsSpotctlShape)
            {
                VmOutput.SpotctlLine(s, $"✓ VM cloudspace '{csName}' updated successfully");
                return;
            }

            var json = VmOutput.Node(updated);
            s.Output.Write(json, () => VmCloudspacesCommand.Pairs(json));
        });
    }
}
