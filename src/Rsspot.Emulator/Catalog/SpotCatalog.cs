using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Catalog;

/// <summary>
/// The seeded regions and server classes. Every value comes from a fixed formula and a hash of the class
/// name, never from a random source, so two emulators (and two test runs) agree to the last digit.
/// </summary>
internal sealed class SpotCatalog
{
    /// <summary>Unix time of the last auction of every class; fixed so history documents repeat.</summary>
    public const long LastAuctionUnix = 1_750_000_000;

    private static readonly DateTimeOffset SeededAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static readonly RegionInfo[] SeedRegions =
    [
        new("us-central-dfw-1", "dfw", "USA", "Dallas-Fort Worth, Texas"),
        new("us-central-ord-1", "ord", "USA", "Chicago, Illinois"),
        new("us-east-iad-1", "iad", "USA", "Ashburn, Virginia"),
        new("uk-lon-1", "lon", "GBR", "London, United Kingdom"),
    ];

    private static readonly (string Family, string Category, string Label, (string Size, int Cpu, decimal Memory)[] Sizes)[] Families =
    [
        ("gp", "General Purpose", "General Purpose", [("medium", 2, 3.75m), ("large", 4, 15m), ("xlarge", 8, 30m)]),
        ("ch", "Compute Heavy", "Compute Heavy", [("medium", 4, 7.5m), ("large", 8, 15m), ("xlarge", 16, 30m)]),
        ("mh", "Memory Heavy", "Memory Heavy", [("medium", 2, 15m), ("large", 4, 30m), ("xlarge", 8, 60m)]),
    ];

    private readonly Dictionary<string, ServerClassInfo> _classes;

    public SpotCatalog()
    {
        Regions = SeedRegions;
        var classes = new List<ServerClassInfo>();
        foreach (var region in SeedRegions)
        {
            foreach (var (family, category, label, sizes) in Families)
            {
                foreach (var generation in new[] { "vs1", "vs2" })
                {
                    foreach (var (size, cpu, memory) in sizes)
                    {
                        classes.Add(Virtual(region, family, category, label, generation, size, cpu, memory));
                    }
                }
            }
        }

        classes.Add(BareMetal(SeedRegions[0]));
        _classes = classes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        ServerClasses = classes;
    }

    /// <summary>The one class whose availability is "deprecated".</summary>
    public static string DeprecatedClass => "ch.vs1.xlarge-ord";

    /// <summary>The bare-metal class, whose spot prices are empty strings.</summary>
    public static string BareMetalClass => "gp.bm2.large-dfw";

    /// <summary>The region left out of the percentile and comparable-price documents.</summary>
    public static string RegionWithoutPriceData => "uk-lon-1";

    public IReadOnlyList<RegionInfo> Regions { get; }

    public IReadOnlyList<ServerClassInfo> ServerClasses { get; }

    public RegionInfo? FindRegion(string? name) => Regions.FirstOrDefault(r => r.Name == name);

    public ServerClassInfo? FindClass(string? name) => name is not null && _classes.TryGetValue(name, out var c) ? c : null;

    public static string Price(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A stable fraction in [0, 1) for a name and a purpose.</summary>
    public static double Fraction(string name, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "/" + name));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue * 0.999999;
    }

    public JsonObject RegionObject(RegionInfo region) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "Region",
        ["metadata"] = Metadata(region.Name, new JsonObject()),
        ["spec"] = new JsonObject
        {
            ["country"] = region.Country,
            ["description"] = region.Description,
            ["provider"] = new JsonObject { ["providerRegionName"] = region.Site, ["providerType"] = "ospc" },
        },
    };

    public JsonObject ServerClassObject(ServerClassInfo c) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "ServerClass",
        ["metadata"] = Metadata(c.Name, new JsonObject
        {
            ["ngpc.rxt.io/region"] = c.Region,
            ["ngpc.rxt.io/family"] = c.Family,
            ["ngpc.rxt.io/generation"] = c.Generation,
        }),
        ["spec"] = new JsonObject
        {
            ["availability"] = c.Availability,
            ["category"] = c.Category,
            ["displayName"] = c.DisplayName,
            ["flavorType"] = c.IsBareMetal ? "baremetal" : "virtual",
            ["onDemandPricing"] = new JsonObject { ["cost"] = Price(c.OnDemandCost), ["interval"] = "hour" },
            ["provider"] = new JsonObject { ["providerFlavorID"] = c.Name[..c.Name.LastIndexOf('-')], ["providerType"] = "ospc" },
            ["region"] = c.Region,
            ["resources"] = new JsonObject
            {
                ["cpu"] = c.Cpu.ToString(CultureInfo.InvariantCulture),
                ["memory"] = c.MemoryGb.ToString("0.##", CultureInfo.InvariantCulture) + "GB",
            },
        },
        ["status"] = new JsonObject
        {
            ["available"] = c.Available,
            ["capacity"] = c.Capacity,
            ["lastAuction"] = LastAuctionUnix,
            ["reserved"] = c.Capacity - c.Available,
            ["spotPricing"] = new JsonObject
            {
                ["hammerPricePerHour"] = c.HammerPrice is { } h ? Price(h) : string.Empty,
                ["marketPricePerHour"] = c.MarketPrice is { } m ? Price(m) : string.Empty,
            },
        },
    };

    private static JsonObject Metadata(string name, JsonObject labels) => new()
    {
        ["name"] = name,
        ["uid"] = StableUid(name),
        ["creationTimestamp"] = SeededAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["resourceVersion"] = "1",
        ["labels"] = labels,
    };

    private static string StableUid(string name) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(name))).ToString();

    private static ServerClassInfo Virtual(RegionInfo region, string family, string category, string label, string generation, string size, int cpu, decimal memory)
    {
        var name = $"{family}.{generation}.{size}-{region.Site}";
        var regionFactor = region.Site == "lon" ? 1.15m : 1m;
        var generationFactor = generation == "vs2" ? 1.1m : 1m;
        var onDemand = Math.Round(((cpu * 0.0125m) + (memory * 0.0017m)) * regionFactor * generationFactor, 4);
        var market = Math.Round(onDemand * (0.15m + (0.25m * (decimal)Fraction(name, "market"))), 4);
        var hammer = Math.Round(market * (0.8m + (0.2m * (decimal)Fraction(name, "hammer"))), 4);
        var capacity = 20 + (int)(Fraction(name, "capacity") * 80);
        var available = (int)(capacity * Fraction(name, "available"));
        var sizeLabel = char.ToUpperInvariant(size[0]) + size[1..];
        return new ServerClassInfo(
            name,
            region.Name,
            family,
            generation,
            size,
            cpu,
            memory,
            category,
            $"{label} Virtual Server {generation.ToUpperInvariant()} {sizeLabel}",
            name == DeprecatedClass ? "deprecated" : "available",
            onDemand,
            Math.Max(market, 0.0001m),
            Math.Max(hammer, 0.0001m),
            capacity,
            available);
    }

    private static ServerClassInfo BareMetal(RegionInfo region) => new(
        BareMetalClass, region.Name, "gp", "bm2", "large", 24, 128m, "General Purpose",
        "General Purpose Bare Metal Large", "available", 0.9500m, null, null, 4, 2);
}
