using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.Catalog;

/// <summary>
/// The public price documents, derived from the catalog and the market board: a class's history ends at its hammer
/// price, the percentiles come from that history and carry the market price, and comparables sit above on-demand cost.
/// </summary>
internal sealed class PriceDocuments(SpotCatalog catalog, MarketBoard market)
{
    public const int HistoryPoints = 24;
    private const long HourSeconds = 3600;

    private static readonly (string Cloud, string Family, string[] Classes)[] Hyperscalers =
    [
        ("aws", "gp", ["m5.large", "m5.xlarge", "m5.2xlarge"]),
        ("aws", "ch", ["c5.xlarge", "c5.2xlarge", "c5.4xlarge"]),
        ("aws", "mh", ["r5.large", "r5.xlarge", "r5.2xlarge"]),
        ("azure", "gp", ["D2s_v5", "D4s_v5", "D8s_v5"]),
        ("azure", "ch", ["F4s_v2", "F8s_v2", "F16s_v2"]),
        ("azure", "mh", ["E2s_v5", "E4s_v5", "E8s_v5"]),
        ("gcp", "gp", ["n2-standard-2", "n2-standard-4", "n2-standard-8"]),
        ("gcp", "ch", ["c2-standard-4", "c2-standard-8", "c2-standard-16"]),
        ("gcp", "mh", ["n2-highmem-2", "n2-highmem-4", "n2-highmem-8"]),
    ];

    /// <summary>The history points of a class as the market board has them, oldest first.</summary>
    public IReadOnlyList<(long RunAt, decimal Price)> History(ServerClassInfo c) => market.History(c);

    /// <summary>The fixed history of a class without a seeded market, oldest first; empty for a class without auctions.</summary>
    public static IReadOnlyList<(long RunAt, decimal Price)> SeedHistory(ServerClassInfo c)
    {
        if (c.HammerPrice is not { } hammer)
        {
            return [];
        }

        var points = new List<(long, decimal)>(HistoryPoints);
        for (var i = 0; i < HistoryPoints; i++)
        {
            var runAt = SpotCatalog.LastAuctionUnix - ((HistoryPoints - 1 - i) * HourSeconds);
            var price = i == HistoryPoints - 1
                ? hammer
                : Math.Max(0.0001m, Math.Round(hammer * (0.75m + (0.5m * (decimal)SpotCatalog.Fraction(c.Name, "history" + i))), 4));
            points.Add((runAt, price));
        }

        return points;
    }

    public JsonObject HistoryDocument(ServerClassInfo c)
    {
        var history = new JsonArray();
        foreach (var (runAt, price) in History(c))
        {
            history.Add(new JsonObject { ["run_at"] = runAt, ["hammer_price"] = (double)price });
        }

        return new JsonObject { ["auction"] = c.Name, ["history"] = history };
    }

    public JsonObject PercentilesDocument()
    {
        var regions = new JsonObject();
        foreach (var region in catalog.Regions.Where(r => r.Name != SpotCatalog.RegionWithoutPriceData))
        {
            var classes = new JsonObject();
            foreach (var c in catalog.ServerClasses.Where(c => c.Region == region.Name && c.MarketPrice is not null).Select(market.Priced))
            {
                var sorted = History(c).Select(p => p.Price).Order().ToList();
                classes[c.Name] = new JsonObject
                {
                    ["display_name"] = c.DisplayName,
                    ["category"] = c.Category,
                    ["description"] = $"{c.Cpu} vCPU, {c.MemoryGb.ToString("0.##", CultureInfo.InvariantCulture)} GB memory",
                    ["cpu"] = c.Cpu.ToString(CultureInfo.InvariantCulture),
                    ["memory"] = c.MemoryGb.ToString("0.##", CultureInfo.InvariantCulture) + "GB",
                    ["market_price"] = SpotCatalog.Price(c.MarketPrice!.Value),
                    ["20_percentile"] = (double)Percentile(sorted, 20),
                    ["50_percentile"] = (double)Percentile(sorted, 50),
                    ["80_percentile"] = (double)Percentile(sorted, 80),
                };
            }

            regions[region.Name] = new JsonObject { ["generation"] = "2", ["serverclasses"] = classes };
        }

        return new JsonObject { ["regions"] = regions };
    }

    public JsonObject ComparablePricesDocument()
    {
        var regions = new JsonObject();
        foreach (var region in catalog.Regions.Where(r => r.Name != SpotCatalog.RegionWithoutPriceData))
        {
            var classes = new JsonObject();
            foreach (var c in catalog.ServerClasses.Where(c => c.Region == region.Name && !c.IsBareMetal))
            {
                var sizeIndex = c.Size switch { "medium" => 0, "large" => 1, _ => 2 };
                var comparables = new JsonArray();
                var sum = 0m;
                var count = 0;
                foreach (var (cloud, family, names) in Hyperscalers.Where(h => h.Family == c.Family))
                {
                    var price = Math.Round(c.OnDemandCost * (1.4m + (0.4m * (decimal)SpotCatalog.Fraction(c.Name, cloud))), 4);
                    sum += price;
                    count++;
                    comparables.Add(new JsonObject { ["cloud"] = cloud, ["class"] = names[sizeIndex], ["price"] = Dollars(price) });
                }

                classes[c.Name] = new JsonObject
                {
                    ["hyperscaler_average_price"] = Dollars(Math.Round(sum / count, 4)),
                    ["comparables"] = comparables,
                };
            }

            regions[region.Name] = classes;
        }

        return new JsonObject { ["regions"] = regions };
    }

    private static string Dollars(decimal price) => "$" + SpotCatalog.Price(price);

    /// <summary>Nearest-rank percentile of a sorted, non-empty list.</summary>
    public static decimal Percentile(List<decimal> sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
