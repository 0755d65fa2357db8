using Rsspot.Pricing;

namespace Rsspot;

/// <summary>Price charts straight from a <see cref="SpotClient"/>: fetches the data the chart needs, then draws it.</summary>
public static class PriceChartClientExtensions
{
    /// <summary>
    /// The hammer price history of <paramref name="serverClass"/> with its percentiles and market price, and, with
    /// <paramref name="cloudspace"/>, the bids of that cloudspace's spot pools on the class.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="serverClass">The server class, e.g. <c>gp.vs1.medium-dfw</c>.</param>
    /// <param name="cloudspace">A cloudspace whose bids on the class to draw, or null.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public static async Task<PriceChart> GetPriceHistoryChartAsync(this SpotClient client, string serverClass, string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var history = await client.Pricing.GetHistoryAsync(serverClass, cancellationToken).ConfigureAwait(false);
        var rows = await client.Pricing.GetAsync(serverClass, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<BidLine> bids = [];
        if (cloudspace is not null)
        {
            var pools = await client.SpotNodePools.ListSummariesAsync(cloudspace, cancellationToken).ConfigureAwait(false);
            bids = [.. pools
                .Where(p => string.Equals(p.ServerClass, serverClass, StringComparison.Ordinal) && p.BidPrice is not null)
                .Select(p => new BidLine($"{cloudspace}/{ShortName(p.Name)}", p.BidPrice!.Value))];
        }

        var prices = rows.FirstOrDefault(r => r.HasPercentiles) ?? rows.FirstOrDefault();
        return PriceChart.History(PriceHistoryChartData.From(history, prices, bids));
    }

    /// <summary>The hammer price histories of several classes on one chart.</summary>
    /// <param name="client">The client.</param>
    /// <param name="serverClasses">The server classes.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public static async Task<PriceChart> GetPriceCompareChartAsync(this SpotClient client, IEnumerable<string> serverClasses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(serverClasses);
        var histories = new List<PriceHistory>();
        foreach (var serverClass in serverClasses.Distinct(StringComparer.Ordinal))
        {
            histories.Add(await client.Pricing.GetHistoryAsync(serverClass, cancellationToken).ConfigureAwait(false));
        }

        return PriceChart.Compare(histories);
    }

    /// <summary>A pool name is a UUID; its first block is enough to tell the lines apart.</summary>
    private static string ShortName(string pool) => pool.Length > 8 ? pool[..8] : pool;
}
