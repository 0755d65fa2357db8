using Rsspot.Pricing;

namespace Rsspot.Tests.Pricing;

/// <summary>Fixed catalogs for the pricing tests.</summary>
internal static class TestCatalogs
{
    public const string Dfw = "us-central-dfw-1";
    public const string Iad = "us-east-iad-1";
    public const string Lon = "uk-lon-1";

    /// <summary>
    /// dfw and iad have percentile data, lon has none. Capacities (vCPU + GB, ×1.1 for vs2):
    /// gp.vs1.medium-dfw 5.75, gp.vs1.large-dfw 19, ch.vs1.xlarge-dfw 23, mh.vs2.large-iad 37.4,
    /// gp.vs2.medium-iad 6.6, gp.vs1.medium-lon 5.75. Excluded: gp.vs1.xlarge-dfw (deprecated, would otherwise win
    /// every strategy), gp.bm2.large-dfw (empty market price), io.bm2-lon (market N/A).
    /// </summary>
    public static PriceCatalog Standard() => PriceCatalog.Create(StandardServerClasses(), StandardPercentiles(), []);

    public static ServerClassQuote[] StandardServerClasses() =>
    [
        Quote("gp.vs1.medium-dfw", Dfw, "2", "3.75GB", "0.010"),
        Quote("gp.vs1.large-dfw", Dfw, "4", "15GB", "0.030"),
        Quote("ch.vs1.xlarge-dfw", Dfw, "8", "15GB", "0.050"),
        Quote("gp.vs1.xlarge-dfw", Dfw, "16", "60GB", "0.001") with { Availability = "deprecated" },
        Quote("gp.bm2.large-dfw", Dfw, "32", "256GB", "") with { MinimumBidPrice = "" },
        Quote("mh.vs2.large-iad", Iad, "4", "30GB", "0.070"),
        Quote("gp.vs2.medium-iad", Iad, "2", "4GiB", "$0.012"),
        Quote("gp.vs1.medium-lon", Lon, "2", "3840Mi", "0.009"),
        Quote("io.bm2-lon", Lon, "48", "256GB", "N/A"),
    ];

    public static PercentileQuote[] StandardPercentiles() =>
    [
        Percentiles("gp.vs1.medium-dfw", Dfw, 0.008m, 0.011m, 0.015m),
        Percentiles("gp.vs1.large-dfw", Dfw, 0.025m, 0.032m, 0.040m),
        Percentiles("mh.vs2.large-iad", Iad, 0.060m, 0.080m, 0.100m),
        Percentiles("gp.vs2.medium-iad", Iad, 0.010m, 0.013m, 0.016m),
    ];

    public static ServerClassQuote Quote(string name, string region, string cpu, string memory, string market) =>
        new(name, region)
        {
            Availability = "available",
            Cpu = cpu,
            Memory = memory,
            MarketPricePerHour = market,
            HammerPricePerHour = market,
        };

    public static PercentileQuote Percentiles(string name, string region, decimal p20, decimal p50, decimal p80) =>
        new(region, name) { P20 = p20, P50 = p50, P80 = p80 };
}
