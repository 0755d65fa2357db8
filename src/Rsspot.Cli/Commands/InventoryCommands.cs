using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Services;

namespace Rsspot.Cli.Commands;

/// <summary><c>inventory vmcloudspaces|vmpools|events</c>.</summary>
internal static class InventoryCommands
{
    public static Command Create(CliSession s)
    {
        var vmCloudspaces = Cmd.New("vmcloudspaces", "VM cloudspaces and their assigned servers").Runs(s, async (_, ct) =>
        {
            if (s.Output.PrintsPythonShape(hasSpotctlShape: false))
            {
                var answer = await ApiAnswers.ListAsync(s, "vmcloudspaces", null, ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(PythonModels.VmCloudspace), answer)), () => new TableView());
                return;
            }

            var items = await s.Client.Inventory.ListVmCloudspacesAsync(ct).ConfigureAwait(false);
            s.Output.Write(JsonModels.ToArray(items), () =>
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
        });

        var vmCloudspace = new Option<string?>("--vmcloudspace") { Description = "Only the pools of this VM cloudspace" };
        var vmPools = Cmd.New("vmpools", "VM pools", vmCloudspace).Runs(s, async (p, ct) =>
        {
            if (s.Output.PrintsPythonShape(hasSpotctlShape: false))
            {
                // The Python rsspot reads VM pools through its on-demand pool model.
                var vmcs = p.GetValue(vmCloudspace);
                var answer = await ApiAnswers.ListAsync(s, "vmpools", string.IsNullOrWhiteSpace(vmcs) ? null : "ngpc.rxt.io/vmcloudspace=" + vmcs, ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(PythonModels.OnDemandNodePool), answer)), () => new TableView());
                return;
            }

            var json = JsonModels.ToArray(await s.Client.Inventory.ListVmPoolsAsync(p.GetValue(vmCloudspace), ct).ConfigureAwait(false));
            s.Output.Write(json, () =>
            {
                var table = new TableView("NAME", "VMCLOUDSPACE", "SERVER CLASS", "DESIRED", "BID");
                foreach (var pool in json.OrderBy(p => JsonModels.Text(p, "metadata.name"), StringComparer.Ordinal))
                {
                    table.Add(JsonModels.Text(pool, "metadata.name"), JsonModels.Text(pool, "spec.vmCloudSpace"), JsonModels.Text(pool, "spec.serverClass"), JsonModels.Text(pool, "spec.desired"), JsonModels.Text(pool, "spec.bidPrice"));
                }

                return table;
            });
        });

        var limit = new Option<int>("--limit", "-n") { Description = "How many events", DefaultValueFactory = _ => 50 };
        var events = Cmd.New("events", "Recent organization events", limit).Runs(s, async (p, ct) =>
        {
            if (p.GetValue(limit) < 1)
            {
                throw new CliUsageException($"--limit: {p.GetValue(limit)} is invalid; give 1 or more.");
            }

            if (s.Output.PrintsPythonShape(hasSpotctlShape: false))
            {
                var query = new Dictionary<string, string>(StringComparer.Ordinal) { ["limits"] = p.GetValue(limit).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                var answer = await s.Client.Raw.SendAsync("GET", "/apis/metrics.ngpc.rxt.io/v1/events/organizations", query, cancellationToken: ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.Events, answer)), () => new TableView());
                return;
            }

            var items = await s.Client.Inventory.ListEventsAsync(p.GetValue(limit), ct).ConfigureAwait(false);
            var json = new JsonArray([.. items.Select(e => (JsonNode)new JsonObject { ["timestamp"] = e.Timestamp, ["message"] = e.Message })]);
            s.Output.Write(json, () =>
            {
                var table = new TableView("TIMESTAMP", "MESSAGE");
                foreach (var e in items)
                {
                    table.Add(e.Timestamp, e.Message);
                }

                return table;
            });
        });

        return Cmd.Group("inventory", "VM inventory and organization events", vmCloudspaces, vmPools, events);
    }
}
