using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.VmSshKeys;

/// <summary><c>vm-ssh-keys get</c>.</summary>
internal static class GetCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmSshKeysCommand.NameArg();
        return Cmd.New(
            "get",
            """
            Show one VM SSH key with its fingerprint.

            Examples:
              rsspot vm-ssh-keys get my-ssh-key
              rsspot vmsshkeys get --name my-ssh-key    # spotctl's spelling
            """,
            name.Symbols).Runs(s, async (p, ct) =>
        {
            var json = VmOutput.Node(await s.Client.VmSshKeys.GetAsync(name.Get(p), ct).ConfigureAwait(false));
            var org = VmOutput.Org(s);
            s.Output.Write(new JsonShapes(() => json, Spotctl: () => SpotctlVmShapes.SshKey(json, org)), () => Pairs(json));
        });
    }

    internal static TableView Pairs(JsonNode json) => TableView.Pairs(
    [
        ("name", JsonModels.Text(json, "metadata.name")),
        ("description", JsonModels.Text(json, "spec.description")),
        ("fingerprint", JsonModels.Text(json, "status.fingerprint")),
        ("validated", JsonModels.Text(json, "status.validated")),
        ("public_key", JsonModels.Text(json, "spec.publicKey")),
        ("created", JsonModels.Text(json, "metadata.creationTimestamp")),
    ]);
}
