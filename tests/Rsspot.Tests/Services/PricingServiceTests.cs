using System.Net;
using Rsspot.Pricing;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Services;

public sealed class PricingServiceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Price_rows_join_server_classes_with_percentiles_and_comparables()
    {
        using var client = fixture.Client();

        var catalog = await client.Pricing.GetCatalogAsync();
        var dfw = catalog.Find("gp.vs1.medium-dfw", "us-central-dfw-1");
        var lon = catalog.Find("gp.vs1.medium-lon", "uk-lon-1");
        var serverClass = await client.ServerClasses.GetAsync("gp.vs1.medium-dfw");

        Assert.NotNull(dfw);
        Assert.Equal(serverClass.Status?.SpotPricing?.MarketPricePerHour, dfw.MarketRaw);
        Assert.Equal(decimal.Parse(dfw.MarketRaw!, System.Globalization.CultureInfo.InvariantCulture), dfw.MarketPerHour);
        Assert.Equal(2m, dfw.Cpu);
        Assert.True(dfw.HasPercentiles);
        Assert.NotNull(dfw.HyperscalerAverage);
        Assert.NotEmpty(dfw.Comparables);
        Assert.NotNull(lon);
        Assert.False(lon.HasPercentiles);
    }

    [Fact]
    public async Task Empty_prices_are_unknown_not_zero()
    {
        using var client = fixture.Client();

        var bareMetal = Assert.Single(await client.Pricing.GetAsync("gp.bm2.large-dfw"));

        Assert.Null(bareMetal.MarketPerHour);
        Assert.Null(bareMetal.HammerPerHour);
    }

    [Fact]
    public async Task Listing_filters_by_region_and_sorts_by_market_price()
    {
        using var client = fixture.Client();

        var items = await client.Pricing.ListAsync(new PriceQuery { Regions = ["us-east-iad-1"], Families = ["mh"], Nodes = 3 });

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("us-east-iad-1", i.Row.Region));
        Assert.All(items, i => Assert.Equal("mh", i.Row.Family));
        var prices = items.Select(i => i.MarketPerHour).OfType<decimal>().ToList();
        Assert.Equal(prices.Order(), prices);
        Assert.Equal(items[0].Row.MarketPerHour * 3, items[0].MarketPerHour);
    }

    [Fact]
    public async Task History_ends_at_the_class_hammer_price_and_an_unknown_class_is_an_API_error()
    {
        using var client = fixture.Client();
        var serverClass = await client.ServerClasses.GetAsync("ch.vs2.large-iad");

        var history = await client.Pricing.GetHistoryAsync("ch.vs2.large-iad");
        var error = await Assert.ThrowsAsync<SpotApiException>(() => client.Pricing.GetHistoryAsync("no.such.class-x"));

        Assert.NotEmpty(history.Points);
        Assert.Equal(decimal.Parse(serverClass.Status!.SpotPricing!.HammerPricePerHour!, System.Globalization.CultureInfo.InvariantCulture), history.Points[^1].HammerPerHour);
        Assert.False(string.IsNullOrWhiteSpace(history.Sparkline()));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task The_builder_returns_three_scenarios_within_budget_from_live_prices()
    {
        using var client = fixture.Client();

        var result = await client.Pricing.BuildAsync(new ClusterBuildRequest { Nodes = 6, Risk = RiskLevel.Low, Regions = ["us-central-dfw-1", "us-east-iad-1"], MaxHourly = 5m });

        Assert.Null(result.Failure);
        Assert.Equal(3, result.Scenarios.Count);
        Assert.All(result.Scenarios, s =>
        {
            Assert.True(s.IsFeasible);
            Assert.Equal(6, s.Nodes);
            Assert.True(s.HourlyCost <= 5m);
            Assert.All(s.Pools, p => Assert.True(p.BidPerNodeHour >= p.MarketPerHour));
        });
        Assert.True(result.Get(BuildStrategy.Balanced)!.Pools.Count > 1);
        Assert.All(result.Scenarios.SelectMany(s => s.Pools), p => Assert.Equal(BidSource.MarketMultiplier, p.BidSource)); // the documented rule by default
    }

    [Fact]
    public async Task A_budget_nothing_fits_says_which_constraint_failed()
    {
        using var client = fixture.Client();

        var result = await client.Pricing.BuildAsync(new ClusterBuildRequest { Nodes = 50, MaxHourly = 0.001m });

        Assert.All(result.Scenarios, s => Assert.False(s.IsFeasible));
        var failure = result.Failure ?? result.Scenarios[0].Failure;
        Assert.NotNull(failure);
        Assert.Contains("max hourly", failure.Message, StringComparison.OrdinalIgnoreCase);
    }
}
