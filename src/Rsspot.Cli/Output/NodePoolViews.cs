using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Services;

namespace Rsspot.Cli.Output;

/// <summary>The tables of node pools: one per line, or one as name/value pairs.</summary>
internal static class NodePoolViews
{
    public static TableView Spot(IEnumerable<SpotNodePoolSummary> pools, SpotMarketColumns prices)
    {
        var table = new TableView("NAME", "CLOUDSPACE", "SERVER CLASS", "DESIRED", "BID", "MARKET", "MINIMUM", "AUTOSCALE", "STATUS");
        foreach (var pool in pools.OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal))
        {
            table.Add(pool.Name, pool.Cloudspace, pool.ServerClass, Count(pool.Desired), Prices.Table(pool.BidPrice), prices.Market(pool.ServerClass), prices.Minimum(pool.ServerClass), pool.Autoscaling?.ToString() ?? "off", pool.BidStatus);
        }

        return table;
    }

    public static TableView OnDemand(IEnumerable<OnDemandNodePoolSummary> pools)
    {
        var table = new TableView("NAME", "CLOUDSPACE", "SERVER CLASS", "DESIRED", "STATUS");
        foreach (var pool in pools.OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal))
        {
            table.Add(pool.Name, pool.Cloudspace, pool.ServerClass, Count(pool.Desired), pool.ReservedStatus);
        }

        return table;
    }

    public static TableView Pairs(JsonNode pool, bool spot, SpotMarketColumns? prices = null) => TableView.Pairs(
    [
        ("name", JsonModels.Text(pool, "metadata.name")),
        ("cloudspace", JsonModels.Text(pool, "spec.cloudSpace")),
        ("server_class", JsonModels.Text(pool, "spec.serverClass")),
        ("desired", JsonModels.Text(pool, "spec.desired")),
        .. spot ? SpotPairs(pool, prices) : [("reserved_status", JsonModels.Text(pool, "status.reservedStatus"))],
        ("labels", JsonModels.Text(pool, "spec.customLabels")),
        ("annotations", JsonModels.Text(pool, "spec.customAnnotations")),
        ("taints", JsonModels.Text(pool, "spec.customTaints")),
    ]);

    /// <summary>A count for a table cell (empty when unknown).</summary>
    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static (string, string?)[] SpotPairs(JsonNode pool, SpotMarketColumns? prices) =>
    [
        ("bid_price", Prices.Table(JsonModels.Text(pool, "spec.bidPrice"))),
        .. prices is null ? [] : new (string, string?)[] { ("market_price", prices.Market(JsonModels.Text(pool, "spec.serverClass"))), ("minimum_bid", prices.Minimum(JsonModels.Text(pool, "spec.serverClass"))) },
        ("autoscaling", Autoscale(pool)),
        ("bid_status", JsonModels.Text(pool, "status.bidStatus")),
    ];

    private static string Autoscale(JsonNode? pool) =>
        JsonModels.Text(pool, "spec.autoscaling.enabled") == "true"
            ? $"{JsonModels.Text(pool, "spec.autoscaling.minNodes")}-{JsonModels.Text(pool, "spec.autoscaling.maxNodes")}"
            : "off";
}
