using Rsspot.Pricing;

namespace Rsspot.Cli.Output;

/// <summary>The tables of the pricing commands that more than one place prints.</summary>
internal static class PriceViews
{
    // An infeasible scenario is one short row; its reason goes to stderr once (with the exit code), not into a column.
    public static TableView Build(ClusterBuildResult result)
    {
        var table = new TableView("SCENARIO", "CLASS", "REGION", "NODES", "BID/NODE-H", "BID FROM", "HOURLY", "MONTHLY", "VCPU", "MEM GB");
        foreach (var sc in result.Scenarios)
        {
            if (!sc.IsFeasible)
            {
                table.Add(PriceJson.StrategyName(sc.Strategy), "not feasible");
                continue;
            }

            foreach (var pl in sc.Pools)
            {
                table.Add(PriceJson.StrategyName(sc.Strategy), pl.ServerClass, pl.Region, NodePoolViews.Count(pl.Nodes), JsonModels.Money(pl.BidPerNodeHour), pl.BidSource == BidSource.Percentile ? "percentile" : "market x", JsonModels.Money(pl.HourlyCost), JsonModels.Money(pl.MonthlyCost), JsonModels.Number(pl.Vcpu), JsonModels.Number(pl.MemoryGb));
            }

            table.Add(PriceJson.StrategyName(sc.Strategy), "total", string.Empty, NodePoolViews.Count(sc.Nodes), string.Empty, string.Empty, JsonModels.Money(sc.HourlyCost), JsonModels.Money(sc.MonthlyCost), JsonModels.Number(sc.Vcpu), JsonModels.Number(sc.MemoryGb));
        }

        return table;
    }
}
