using System.Globalization;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary>What Spot allocated for autopilot pools: one row per allocated class (a pool with none gets one row).</summary>
internal static class AutopilotTable
{
    public static TableView Of(IEnumerable<AutopilotNodePoolSummary> pools)
    {
        var table = new TableView("NAME", "CLOUDSPACE", "PHASE", "VCPU", "BUDGET", "CLASS", "NODES", "BID", "MARKET", "CHILD POOL");
        foreach (var pool in pools.OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var vcpu = $"{Int(pool.ManagedVcpus ?? 0)}/{Int(pool.TargetVcpus ?? pool.VcpuTotal)}";
            var budget = pool.BudgetPerHour is decimal b ? Prices.Table(b) + "/h" : string.Empty;
            if (pool.Allocations.Count == 0)
            {
                table.Add(pool.Name, pool.Cloudspace, pool.Phase, vcpu, budget, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
                continue;
            }

            foreach (var a in pool.Allocations)
            {
                table.Add(pool.Name, pool.Cloudspace, pool.Phase, vcpu, budget, a.ServerClass, $"{Int(a.WonNodes)}/{Int(a.DesiredNodes)}", Prices.Table(a.BidPrice), Prices.Table(a.MarketPrice), a.SpotNodePool);
            }
        }

        return table;
    }

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
