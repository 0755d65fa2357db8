using System.Globalization;

using BenchmarkDotNet.Attributes;

using Rsspot.Pricing;

namespace Rsspot.Benchmarks;

/// <summary>The cluster builder and the catalog join over 10 000 server classes (target: a build under 50 ms).</summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private const int ClassCount = 10_000;

    private static readonly string[] Families = ["gp", "ch", "mh"];
    private static readonly string[] Generations = ["vs1", "vs2", "bm2"];
    private static readonly string[] Sites = ["dfw", "iad", "lon", "ord", "syd", "fra"];

    private ServerClassQuote[] _quotes = [];
    private PercentileQuote[] _percentiles = [];
    private PriceCatalog _catalog = null!;

    /// <summary>A reproducible catalog: 10 000 classes over 6 regions, 60 % with percentiles, some deprecated or unpriced.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Random random = new(20_260_101);
        _quotes = new ServerClassQuote[ClassCount];
        List<PercentileQuote> percentiles = [];
        for (int i = 0; i < ClassCount; i++)
        {
            string site = Sites[i % Sites.Length];
            string region = "region-" + site + "-1";
            string name = $"{Families[random.Next(Families.Length)]}.{Generations[random.Next(Generations.Length)]}.s{i}-{site}";
            decimal market = random.Next(10, 5000) / 10_000m;
            _quotes[i] = new ServerClassQuote(name, region)
            {
                Availability = random.Next(20) == 0 ? "deprecated" : "available",
                Cpu = (1 << random.Next(0, 7)).ToString(CultureInfo.InvariantCulture),
                Memory = (random.Next(1, 512) / 2m).ToString(CultureInfo.InvariantCulture) + "GB",
                MarketPricePerHour = random.Next(50) == 0 ? "" : market.ToString(CultureInfo.InvariantCulture),
            };
            if (random.Next(10) < 6)
            {
                percentiles.Add(new PercentileQuote(region, name) { P20 = market * 0.9m, P50 = market * 1.1m, P80 = market * 1.3m });
            }
        }

        _percentiles = [.. percentiles];
        _catalog = PriceCatalog.Create(_quotes, _percentiles);
    }

    /// <summary>All three scenarios for a fixed node count, low risk, no bounds.</summary>
    [Benchmark(Baseline = true)]
    public ClusterBuildResult BuildNodes() =>
        ClusterBuilder.Build(_catalog, new ClusterBuildRequest { Nodes = 12, Risk = RiskLevel.Low });

    /// <summary>All three scenarios for a capacity target with family, region and budget bounds (many exclusion messages).</summary>
    [Benchmark]
    public ClusterBuildResult BuildCapacityWithBudget() =>
        ClusterBuilder.Build(_catalog, new ClusterBuildRequest
        {
            TotalVcpu = 96,
            TotalMemoryGb = 384,
            Risk = RiskLevel.Medium,
            Families = ["gp", "mh"],
            Regions = ["dfw", "iad", "lon", "ord"],
            MaxHourly = 2m,
            MinMonthly = 100m,
        });

    /// <summary>Joining 10 000 server classes with 6 000 percentile entries.</summary>
    [Benchmark]
    public PriceCatalog CreateCatalog() => PriceCatalog.Create(_quotes, _percentiles);

    /// <summary>The default listing (sorted by market price).</summary>
    [Benchmark]
    public IReadOnlyList<PriceListItem> List() => _catalog.List(new PriceQuery { Nodes = 3 });
}
