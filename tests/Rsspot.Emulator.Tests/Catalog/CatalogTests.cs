using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Tests.Auth;

namespace Rsspot.Emulator.Tests.Catalog;

public class CatalogTests
{
    private const string Classes = "/apis/ngpc.rxt.io/v1/serverclasses";

    [Fact]
    public async Task Four_regions_are_seeded()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, list) = await spot.GetAsync("/apis/ngpc.rxt.io/v1/regions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["uk-lon-1", "us-central-dfw-1", "us-central-ord-1", "us-east-iad-1"], EmulatorSession.Names(list).Order());
        Assert.Equal("RegionList", list["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync("/apis/ngpc.rxt.io/v1/regions/uk-lon-1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await spot.GetAsync("/apis/ngpc.rxt.io/v1/regions/mars-1")).Status);
    }

    [Fact]
    public async Task Every_region_has_gp_ch_mh_in_vs1_vs2_and_three_sizes_with_resources_and_prices()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (_, list) = await spot.GetAsync(Classes);
        var names = EmulatorSession.Names(list).ToHashSet();

        foreach (var site in new[] { "dfw", "ord", "iad", "lon" })
        {
            foreach (var family in new[] { "gp", "ch", "mh" })
            {
                foreach (var generation in new[] { "vs1", "vs2" })
                {
                    foreach (var size in new[] { "medium", "large", "xlarge" })
                    {
                        Assert.Contains($"{family}.{generation}.{size}-{site}", names);
                    }
                }
            }
        }

        var medium = list["items"]!.AsArray().Single(i => i!["metadata"]!["name"]!.GetValue<string>() == "gp.vs1.medium-dfw")!;
        Assert.Equal("2", medium["spec"]!["resources"]!["cpu"]!.GetValue<string>());
        Assert.Equal("3.75GB", medium["spec"]!["resources"]!["memory"]!.GetValue<string>());
        Assert.Equal("us-central-dfw-1", medium["spec"]!["region"]!.GetValue<string>());
        Assert.Equal("available", medium["spec"]!["availability"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(medium["spec"]!["category"]!.GetValue<string>()));
        Assert.Matches(@"^\d+\.\d{4}$", medium["spec"]!["onDemandPricing"]!["cost"]!.GetValue<string>());
        var market = Price(medium["status"]!["spotPricing"]!["marketPricePerHour"]!);
        var hammer = Price(medium["status"]!["spotPricing"]!["hammerPricePerHour"]!);
        Assert.True(market > 0 && hammer > 0 && hammer <= market);
        Assert.True(medium["status"]!["available"]!.GetValue<int>() <= medium["status"]!["capacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task One_class_is_deprecated_and_the_bare_metal_class_has_empty_spot_prices()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (_, list) = await spot.GetAsync(Classes);
        var items = list["items"]!.AsArray();

        Assert.Single(items, i => i!["spec"]!["availability"]!.GetValue<string>() == "deprecated");
        var (status, metal) = await spot.GetAsync(Classes + "/gp.bm2.large-dfw");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, metal["status"]!["spotPricing"]!["marketPricePerHour"]!.GetValue<string>());
        Assert.Equal(string.Empty, metal["status"]!["spotPricing"]!["hammerPricePerHour"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_catalog_is_the_same_in_every_emulator()
    {
        await using var first = await EmulatorSession.StartAsync();
        await using var second = await EmulatorSession.StartAsync();

        var (_, a) = await first.GetAsync(Classes);
        var (_, b) = await second.GetAsync(Classes);

        Assert.Equal(a.ToJsonString(), b.ToJsonString());
    }

    [Fact]
    public async Task Server_classes_can_be_selected_by_region_label_and_unknown_ones_are_404()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (_, list) = await spot.GetAsync(Classes + "?labelSelector=ngpc.rxt.io/region=uk-lon-1,ngpc.rxt.io/family=mh");
        var (status, body) = await spot.GetAsync(Classes + "/xx.vs9.huge-dfw");

        Assert.Equal(6, list["items"]!.AsArray().Count);
        Assert.All(EmulatorSession.Names(list), n => Assert.StartsWith("mh.", n, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, status);
        AuthTests.AssertStatus(body, 404, "NotFound");
    }

    internal static decimal Price(JsonNode node) => decimal.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
