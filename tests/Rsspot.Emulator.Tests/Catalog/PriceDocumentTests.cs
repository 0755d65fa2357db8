using System.Net;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.Catalog;

public class PriceDocumentTests
{
    [Fact]
    public async Task History_ends_at_the_class_hammer_price()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var (_, classes) = await spot.GetAsync("/apis/ngpc.rxt.io/v1/serverclasses");

        foreach (var item in classes["items"]!.AsArray().Where(i => i!["metadata"]!["name"]!.GetValue<string>().EndsWith("-iad", StringComparison.Ordinal)))
        {
            var name = item!["metadata"]!["name"]!.GetValue<string>();
            var (status, history) = await spot.GetAsync("/history/" + name);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(name, history["auction"]!.GetValue<string>());
            var points = history["history"]!.AsArray();
            Assert.NotEmpty(points);
            var runAts = points.Select(p => p!["run_at"]!.GetValue<long>()).ToList();
            Assert.Equal(runAts.Order(), runAts);
            Assert.Equal(CatalogTests.Price(item["status"]!["spotPricing"]!["hammerPricePerHour"]!), (decimal)points[^1]!["hammer_price"]!.GetValue<double>());
        }
    }

    [Fact]
    public async Task History_of_an_unknown_class_is_400_and_of_bare_metal_is_empty()
    {
        await using var spot = await EmulatorSession.StartAsync(authenticate: false);

        Assert.Equal(HttpStatusCode.BadRequest, (await spot.GetAsync("/history/nope.vs1.medium-dfw")).Status);
        var (status, metal) = await spot.GetAsync("/history/gp.bm2.large-dfw");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(metal["history"]!.AsArray());
    }

    [Fact]
    public async Task Percentiles_carry_the_catalog_market_price_in_order_and_leave_one_region_without_data()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var (_, classes) = await spot.GetAsync("/apis/ngpc.rxt.io/v1/serverclasses");
        var (status, doc) = await spot.GetAsync("/percentiles.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var regions = doc["regions"]!.AsObject();
        Assert.DoesNotContain("uk-lon-1", regions.Select(r => r.Key));
        Assert.Equal(3, regions.Count);
        var dfw = regions["us-central-dfw-1"]!["serverclasses"]!.AsObject();
        Assert.Equal(18, dfw.Count);
        foreach (var (name, entry) in dfw)
        {
            var item = classes["items"]!.AsArray().Single(i => i!["metadata"]!["name"]!.GetValue<string>() == name)!;
            Assert.Equal(item["status"]!["spotPricing"]!["marketPricePerHour"]!.GetValue<string>(), entry!["market_price"]!.GetValue<string>());
            Assert.Equal(item["spec"]!["resources"]!["cpu"]!.GetValue<string>(), entry["cpu"]!.GetValue<string>());
            var p20 = entry["20_percentile"]!.GetValue<double>();
            var p50 = entry["50_percentile"]!.GetValue<double>();
            var p80 = entry["80_percentile"]!.GetValue<double>();
            Assert.True(p20 <= p50 && p50 <= p80, $"{name}: {p20} {p50} {p80}");
            Assert.False(string.IsNullOrEmpty(entry["display_name"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Comparable_prices_are_dollar_strings_for_every_virtual_class_of_a_region()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (_, doc) = await spot.GetAsync("/comparable_prices.json");

        var ord = doc["regions"]!["us-central-ord-1"]!.AsObject();
        Assert.Equal(18, ord.Count);
        var gp = ord["gp.vs1.medium-ord"]!;
        Assert.Matches(@"^\$\d+\.\d+$", gp["hyperscaler_average_price"]!.GetValue<string>());
        var comparables = gp["comparables"]!.AsArray();
        Assert.Equal(["aws", "azure", "gcp"], comparables.Select(c => c!["cloud"]!.GetValue<string>()));
        Assert.All(comparables, c => Assert.Matches(@"^\$\d+\.\d+$", c!["price"]!.GetValue<string>()));
        Assert.Null(doc["regions"]!["uk-lon-1"]);
    }
}
