namespace Rsspot.Pricing;

/// <summary>A row that passed screening, with its bid, capacity score and whole-cluster node count.</summary>
internal sealed class Candidate
{
    private const decimal NewGenerationBoost = 1.10m;

    public Candidate(PriceRow row, BidQuote bid, decimal cpu, decimal memoryGb, int nodes)
    {
        Row = row;
        Bid = bid;
        Cpu = cpu;
        MemoryGb = memoryGb;
        Nodes = nodes;
        CapacityPerNode = CapacityOf(row, cpu, memoryGb);
        // Totals and value come from the market price, as the Python rsspot computes them; the bid is the ceiling of what a node may cost.
        decimal market = row.MarketPerHour is decimal m && m > 0m ? m : bid.PerNodeHour;
        HourlyCost = nodes * market;
        ValuePerDollar = CapacityPerNode / market;
        BalancedScore = CapacityPerNode * ValuePerDollar;
    }

    public PriceRow Row { get; }

    public BidQuote Bid { get; }

    public decimal Cpu { get; }

    public decimal MemoryGb { get; }

    /// <summary>Nodes needed when this class alone makes the cluster.</summary>
    public int Nodes { get; }

    /// <summary>(vCPU + memory GB) per node, × 1.10 for generation 2 and later.</summary>
    public decimal CapacityPerNode { get; }

    public decimal HourlyCost { get; }

    public decimal MonthlyCost => HourlyCost * ClusterCost.HoursPerMonth;

    /// <summary>Capacity per dollar of market price.</summary>
    public decimal ValuePerDollar { get; }

    /// <summary>Capacity × capacity per dollar: the product of the performance and value scores.</summary>
    public decimal BalancedScore { get; }

    public static decimal CapacityOf(PriceRow row, decimal cpu, decimal memoryGb) =>
        (cpu + memoryGb) * (row.GenerationNumber >= 2 ? NewGenerationBoost : 1m);

    /// <summary>Final tie-break: class name, then region (ordinal).</summary>
    public static int CompareByName(Candidate a, Candidate b)
    {
        int byClass = string.CompareOrdinal(a.Row.ClassName, b.Row.ClassName);
        return byClass != 0 ? byClass : string.CompareOrdinal(a.Row.Region, b.Row.Region);
    }

    public ScenarioPool ToPool(int nodes) => new()
    {
        ServerClass = Row.ClassName,
        Region = Row.Region,
        Nodes = nodes,
        BidPerNodeHour = Bid.PerNodeHour,
        BidSource = Bid.Source,
        BidBasis = BidPolicy.Basis(Row, Bid),
        MarketPerHour = Row.MarketPerHour ?? 0m,
        VcpuPerNode = Cpu,
        MemoryGbPerNode = MemoryGb,
    };
}
