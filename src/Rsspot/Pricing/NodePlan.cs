namespace Rsspot.Pricing;

/// <summary>How many nodes of a class a request needs.</summary>
internal static class NodePlan
{
    /// <summary>
    /// With a fixed node count, checks that it reaches the requested capacity; otherwise the smallest count that does.
    /// Returns the miss when the class cannot serve the request.
    /// </summary>
    public static Miss? Size(PriceRow row, decimal cpu, decimal memory, ClusterBuildRequest request, out int nodes)
    {
        if (request.Nodes is int fixedNodes)
        {
            nodes = fixedNodes;
            return Shortfall(row, nodes, cpu, request.TotalVcpu, "vCPU") ?? Shortfall(row, nodes, memory, request.TotalMemoryGb, "GB");
        }

        decimal needed = Math.Max(NodesFor(request.TotalVcpu, cpu), NodesFor(request.TotalMemoryGb, memory));
        if (needed > int.MaxValue)
        {
            nodes = 0;
            return Miss.Of(row, BuildConstraint.RequestedCapacity, $"{row.ClassName}: would need more than {BuildText.Nodes(int.MaxValue)}", 1m);
        }

        nodes = (int)needed;
        return null;
    }

    /// <summary>Nodes of <paramref name="perNode"/> needed for <paramref name="total"/> (at least 1).</summary>
    public static decimal NodesFor(decimal? total, decimal perNode) =>
        total is decimal t ? Math.Max(1m, Math.Ceiling(t / perNode)) : 1m;

    private static Miss? Shortfall(PriceRow row, int nodes, decimal perNode, decimal? requested, string unit)
    {
        decimal have = nodes * perNode;
        if (requested is not decimal want || have >= want)
        {
            return null;
        }

        return Miss.Of(
            row,
            BuildConstraint.RequestedCapacity,
            $"{row.ClassName}: {BuildText.Nodes(nodes)} × {BuildText.Number(perNode)} {unit} = {BuildText.Number(have)} {unit} is below the requested {BuildText.Number(want)} {unit}",
            (want - have) / want);
    }
}
