using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary>
/// What <c>pricing watch</c> shows of autopilot pools each round: their allocations, for reading only. The guard
/// leaves their child spot pools alone (Spot bids for them), so they are not among the guarded pools.
/// </summary>
internal static class AutopilotWatch
{
    public static void Print(CliSession s, IReadOnlyList<AutopilotNodePoolSummary> pools, bool live)
    {
        if (pools.Count == 0)
        {
            return;
        }

        if (!live)
        {
            foreach (var pool in pools)
            {
                s.Out.WriteLine(OutputRedaction.Redact(Json(pool))!.ToJsonString());
            }

            s.Out.Flush();
            return;
        }

        s.Out.WriteLine("autopilot pools (Spot bids for their child pools; the guard leaves them alone):");
        s.Out.Write(AutopilotTable.Of(pools).Render(s.Terminal.Colour));
        s.Out.Flush();
    }

    /// <summary>One JSON line per autopilot pool, told apart from the guarded pools' lines by <c>autopilot_pool</c>.</summary>
    public static JsonObject Json(AutopilotNodePoolSummary pool) => new()
    {
        ["autopilot_pool"] = pool.Name,
        ["cloudspace"] = pool.Cloudspace,
        ["phase"] = pool.Phase,
        ["target_vcpus"] = pool.TargetVcpus ?? pool.VcpuTotal,
        ["managed_vcpus"] = pool.ManagedVcpus,
        ["budget_per_hour"] = pool.BudgetPerHour,
        ["cost_per_hour"] = pool.CostPerHour,
        ["allocations"] = new JsonArray([.. pool.Allocations.Select(a => (JsonNode)new JsonObject
        {
            ["server_class"] = a.ServerClass,
            ["spot_pool"] = a.SpotNodePool,
            ["won_nodes"] = a.WonNodes,
            ["desired_nodes"] = a.DesiredNodes,
            ["bid"] = a.BidPrice,
            ["market"] = a.MarketPrice,
        })]),
    };
}
