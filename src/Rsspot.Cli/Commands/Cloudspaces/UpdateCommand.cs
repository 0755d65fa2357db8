using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces update NAME [--kubernetes-version] [--ha] [--webhook] [--label k=v]...</c>.</summary>
internal static class UpdateCommand
{
    /// <param name="Name">The cloudspace.</param>
    /// <param name="Update">The fields to change (null: unchanged).</param>
    internal sealed record Options(string Name, CloudspaceUpdate Update);

    public static Command Create(CliSession session)
    {
        var name = CloudspacesCommand.NameArg();
        var version = new Option<string?>("--kubernetes-version") { Description = "New Kubernetes version (upgrade)" };
        var ha = new Option<bool?>("--ha", "--ha-control-plane") { Description = "Turn the HA control plane on (true) or off (false)" };
        var webhook = new Option<string?>("--webhook", "--preemption-webhook-url") { Description = "New webhook URL" };
        var labels = Cmd.Repeatable("--label", "Label key=value to set (repeatable)", "key=value");
        return Cmd.New("update", "Change a cloudspace (merge patch of the given fields)", [.. name.Symbols, version, ha, webhook, labels]).Runs(session, (p, ct) =>
        {
            var update = new CloudspaceUpdate
            {
                KubernetesVersion = p.GetValue(version),
                HighAvailability = p.GetValue(ha),
                Webhook = p.GetValue(webhook),
                Labels = KeyValues.Parse(p.GetValue(labels), "--label"),
            };
            return RunAsync(new Options(name.Get(p), update), session, ct);
        });
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var json = JsonModels.ToNode(await session.Client.Cloudspaces.UpdateAsync(options.Name, options.Update, ct).ConfigureAwait(false));
        session.Output.Write(json, () => CloudspaceViews.Pairs(json));
    }
}
