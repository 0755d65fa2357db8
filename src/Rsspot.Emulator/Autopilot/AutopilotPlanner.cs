using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.Autopilot;

/// <summary>
/// The emulator's <c>LowestPrice</c> strategy: the qualifying spot classes of the region (available, of the wanted
/// vCPUs per node and memory per vCPU, not cooling down) ordered by market price per vCPU, each filled with as many
/// whole nodes as the vCPUs still missing, the class's free servers and the budget left allow. A class bids
/// its market price plus 10 %, rounded up to the 0.001 step, never above its on-demand price.
/// </summary>
internal static class AutopilotPlanner
{
    public const decimal BidMargin = 1.10m;
    private const decimal Step = 0.001m;

    public static AutopilotPlan Plan(IEnumerable<ServerClassInfo> pricedCandidates, int vcpuTotal, decimal budget)
    {
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        var planned = new List<PlannedClass>();
        var missing = vcpuTotal;
        var budgetLeft = budget;
        foreach (var c in pricedCandidates.Where(c => c.MarketPrice is not null).OrderBy(c => c.MarketPrice!.Value / c.Cpu).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var market = c.MarketPrice!.Value;
            var bid = Math.Max(Step, Math.Ceiling(market * BidMargin / Step) * Step);
            if (bid > c.OnDemandCost)
            {
                bid = Math.Floor(c.OnDemandCost / Step) * Step;
            }

            if (bid < market)
            {
                outcomes[c.Name] = "MarketAboveOnDemand";
                continue;
            }

            if (missing <= 0)
            {
                outcomes[c.Name] = "NotNeeded";
                continue;
            }

            var byVcpu = missing / c.Cpu;
            var byBudget = (int)Math.Floor(budgetLeft / bid);
            var nodes = Math.Min(Math.Min(byVcpu, byBudget), c.Available);
            if (nodes <= 0)
            {
                outcomes[c.Name] = byVcpu <= 0 ? "NodeTooLarge" : c.Available <= 0 ? "NoCapacity" : "OverBudget";
                continue;
            }

            planned.Add(new PlannedClass(c, nodes, bid, market));
            outcomes[c.Name] = "Allocated";
            missing -= nodes * c.Cpu;
            budgetLeft -= nodes * bid;
        }

        return new AutopilotPlan(planned, outcomes);
    }
}
