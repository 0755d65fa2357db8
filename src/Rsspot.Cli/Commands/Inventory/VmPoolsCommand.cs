using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;

namespace Rsspot.Cli.Commands.Inventory;

/// <summary><c>inventory vmpools [--vmcloudspace]</c>.</summary>
internal static class VmPoolsCommand
{
    /// <param name="VmCloudspace">Only the pools of this VM cloudspace (null or blank: all).</param>
    internal sealed record Options(string? VmCloudspace);

    public static Command Create(CliSession session)
    {
        var vmCloudspace = new Option<string?>("--vmcloudspace") { Description = "Only the pools of this VM cloudspace" };
        return Cmd.New("vmpools", "VM pools", vmCloudspace).Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(vmCloudspace)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (session.Output.PrintsPythonShape(hasSpotctlShape: false))
        {
            // The Python rsspot reads VM pools through its on-demand pool model.
            var vmcs = options.VmCloudspace;
            var answer = await ApiAnswers.ListAsync(session, "vmpools", string.IsNullOrWhiteSpace(vmcs) ? null : "ngpc.rxt.io/vmcloudspace=" + vmcs, ct).ConfigureAwait(false);
            session.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(PythonModels.OnDemandNodePool), answer)), () => new TableView());
            return;
        }

        var json = JsonModels.ToArray(await session.Client.Inventory.ListVmPoolsAsync(options.VmCloudspace, ct).ConfigureAwait(false));
        session.Output.Write(json, () =>
        {
            var table = new TableView("NAME", "VMCLOUDSPACE", "SERVER CLASS", "DESIRED", "BID");
            foreach (var pool in json.OrderBy(p => JsonModels.Text(p, "metadata.name"), StringComparer.Ordinal))
            {
                table.Add(JsonModels.Text(pool, "metadata.name"), JsonModels.Text(pool, "spec.vmCloudSpace"), JsonModels.Text(pool, "spec.serverClass"), JsonModels.Text(pool, "spec.desired"), JsonModels.Text(pool, "spec.bidPrice"));
            }

            return table;
        });
    }
}
