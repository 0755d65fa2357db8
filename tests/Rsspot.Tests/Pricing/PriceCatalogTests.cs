using Rsspot.Pricing;

using static Rsspot.Tests.Pricing.TestCatalogs;

namespace Rsspot.Tests.Pricing;

public class PriceCatalogTests
{
    [Fact]
    public void Create_joins_the_three_sources_by_region_and_class()
    {
        ComparableQuote comparable = new(Dfw, "GP.VS1.MEDIUM-DFW")
        {
            HyperscalerAveragePrice = "$0.0416",
            Comparables = [new ComparableOffer("aws", "t3.medium", "$0.0416")],
        };
        ServerClassQuote server = Quote("gp.vs1.medium-dfw", Dfw, "2", "3.75GB", "0.010") with
        {
            OnDemandCost = "36.5",
            OnDemandInterval = "month",
            MinimumBidPrice = "0.005",
            DisplayName = "General Purpose Medium",
        };

        PriceCatalog catalog = PriceCatalog.Create([server], [Percentiles("gp.vs1.medium-dfw", Dfw, 0.008m, 0.011m, 0.015m)], [comparable]);

        PriceRow row = Assert.Single(catalog.Rows);
        Assert.Equal(PriceSources.ServerClass | PriceSources.Percentiles | PriceSources.Comparables, row.Sources);
        Assert.Equal(("gp.vs1.medium-dfw", Dfw, "gp", "vs1", 1), (row.ClassName, row.Region, row.Family, row.Generation, row.GenerationNumber));
        Assert.Equal((2m, 3.75m), (row.Cpu, row.MemoryGb));
        Assert.Equal(("0.010", 0.010m), (row.MarketRaw, row.MarketPerHour));
        Assert.Equal(("36.5/month", 0.05m), (row.OnDemandRaw, row.OnDemandPerHour));
        Assert.Equal(0.005m, row.MinimumBidPerHour);
        Assert.Equal((0.008m, 0.011m, 0.015m), (row.P20, row.P50, row.P80));
        Assert.Equal(("$0.0416", 0.0416m), (row.HyperscalerAverageRaw, row.HyperscalerAverage));
        Assert.Equal(0.0416m, Assert.Single(row.Comparables).PricePerHour);
        Assert.Equal("General Purpose Medium", row.DisplayName);
    }

    [Fact]
    public void Classes_in_only_one_source_still_get_rows()
    {
        PriceCatalog catalog = PriceCatalog.Create(
            [Quote("gp.vs1.medium-dfw", Dfw, "2", "3.75GB", "0.010")],
            [new PercentileQuote(Iad, "mh.vs2.large-iad") { Cpu = "4", Memory = "30GB", MarketPrice = "0.07", P50 = 0.08m }],
            [new ComparableQuote(Lon, "gp.vs1.medium-lon") { HyperscalerAveragePrice = "N/A" }]);

        Assert.Equal(["gp.vs1.medium-dfw", "gp.vs1.medium-lon", "mh.vs2.large-iad"], catalog.Rows.Select(r => r.ClassName));
        PriceRow fromPercentiles = catalog.Find("mh.vs2.large-iad", Iad)!;
        Assert.Equal(PriceSources.Percentiles, fromPercentiles.Sources);
        Assert.Equal((4m, 30m, 0.07m, "0.07"), (fromPercentiles.Cpu, fromPercentiles.MemoryGb, fromPercentiles.MarketPerHour, fromPercentiles.MarketRaw));
        PriceRow fromComparables = catalog.Find("gp.vs1.medium-lon", Lon)!;
        Assert.Null(fromComparables.MarketPerHour);
        Assert.Null(fromComparables.HyperscalerAverage);
        Assert.Equal("N/A", fromComparables.HyperscalerAverageRaw);
    }

    [Fact]
    public void Empty_prices_are_unknown_not_zero()
    {
        PriceCatalog catalog = PriceCatalog.Create(
            [Quote("gp.bm2.large-dfw", Dfw, "", "", "") with { HammerPricePerHour = "", MinimumBidPrice = "", OnDemandCost = "" }]);

        PriceRow row = Assert.Single(catalog.Rows);
        Assert.Equal("", row.MarketRaw);
        Assert.Null(row.MarketPerHour);
        Assert.Null(row.HammerPerHour);
        Assert.Null(row.MinimumBidPerHour);
        Assert.Null(row.OnDemandPerHour);
        Assert.Null(row.Cpu);
        Assert.Null(row.MemoryGb);
        Assert.False(row.HasPercentiles);
    }

    [Fact]
    public void Server_class_market_price_wins_and_percentile_price_fills_a_gap()
    {
        PercentileQuote percentiles = new(Dfw, "gp.vs1.medium-dfw") { MarketPrice = "0.02" };

        PriceRow withOwn = PriceCatalog.Create([Quote("gp.vs1.medium-dfw", Dfw, "2", "4GB", "0.010")], [percentiles]).Rows[0];
        PriceRow withEmpty = PriceCatalog.Create([Quote("gp.vs1.medium-dfw", Dfw, "2", "4GB", "")], [percentiles]).Rows[0];

        Assert.Equal(0.010m, withOwn.MarketPerHour);
        Assert.Equal((0.02m, "0.02"), (withEmpty.MarketPerHour, withEmpty.MarketRaw));
    }

    [Fact]
    public void A_server_class_without_region_takes_the_only_region_that_lists_it()
    {
        PriceCatalog catalog = PriceCatalog.Create(
            [Quote("gp.vs1.medium-dfw", "", "2", "4GB", "0.01")],
            [Percentiles("gp.vs1.medium-dfw", Dfw, 0.008m, 0.011m, 0.015m)]);

        PriceRow row = Assert.Single(catalog.Rows);
        Assert.Equal(Dfw, row.Region);
        Assert.Equal(PriceSources.ServerClass | PriceSources.Percentiles, row.Sources);
    }

    [Fact]
    public void Duplicates_resolve_the_same_way_in_any_input_order()
    {
        ServerClassQuote a = Quote("gp.vs1.medium-dfw", Dfw, "2", "4GB", "0.010");
        ServerClassQuote b = Quote("gp.vs1.medium-dfw", Dfw, "2", "4GB", "0.020");

        PriceRow first = Assert.Single(PriceCatalog.Create([a, b]).Rows);
        PriceRow second = Assert.Single(PriceCatalog.Create([b, a]).Rows);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Deprecated_rows_are_not_available_and_unknown_availability_is()
    {
        PriceCatalog catalog = Standard();

        Assert.False(catalog.Find("gp.vs1.xlarge-dfw", Dfw)!.IsAvailable);
        Assert.True(catalog.Find("gp.vs1.large-dfw", Dfw)!.IsAvailable);
        Assert.True(PriceCatalog.Create(null, [new PercentileQuote(Dfw, "x.vs1.a-dfw")]).Rows[0].IsAvailable);
    }
}

public class PriceListingTests
{
    [Fact]
    public void List_sorts_by_market_price_with_unknown_prices_last()
    {
        IReadOnlyList<PriceListItem> items = TestCatalogs.Standard().List();

        Assert.Equal(
            [
                "gp.vs1.xlarge-dfw", "gp.vs1.medium-lon", "gp.vs1.medium-dfw", "gp.vs2.medium-iad", "gp.vs1.large-dfw",
                "ch.vs1.xlarge-dfw", "mh.vs2.large-iad", "gp.bm2.large-dfw", "io.bm2-lon",
            ],
            items.Select(i => i.Row.ClassName));
    }

    [Fact]
    public void Equal_prices_are_ordered_by_name()
    {
        PriceCatalog catalog = PriceCatalog.Create(
        [
            TestCatalogs.Quote("b.vs1.a-dfw", TestCatalogs.Dfw, "2", "4GB", "0.01"),
            TestCatalogs.Quote("a.vs1.a-dfw", TestCatalogs.Dfw, "2", "4GB", "$0.010"),
        ]);

        Assert.Equal(["a.vs1.a-dfw", "b.vs1.a-dfw"], catalog.List().Select(i => i.Row.ClassName));
    }

    [Fact]
    public void List_filters_and_multiplies_by_nodes()
    {
        PriceQuery query = new() { Regions = ["dfw", TestCatalogs.Iad], Families = ["gp"], Generations = ["1"], MinVcpu = 2, MaxVcpu = 4, Nodes = 3 };

        IReadOnlyList<PriceListItem> items = TestCatalogs.Standard().List(query);

        Assert.Equal(["gp.vs1.medium-dfw", "gp.vs1.large-dfw"], items.Select(i => i.Row.ClassName));
        Assert.Equal(0.030m, items[0].MarketPerHour);
        Assert.Equal(0.030m * 730m, items[0].MarketPerMonth);
        Assert.Equal((6m, 11.25m), (items[0].Vcpu, items[0].MemoryGb));
    }

    [Fact]
    public void A_vcpu_bound_drops_rows_with_unknown_cpu()
    {
        PriceCatalog catalog = PriceCatalog.Create([TestCatalogs.Quote("x.vs1.a-dfw", TestCatalogs.Dfw, "", "4GB", "0.01")]);

        Assert.Single(catalog.List());
        Assert.Empty(catalog.List(new PriceQuery { MinVcpu = 1 }));
    }

    [Fact]
    public void Invalid_queries_name_the_parameter()
    {
        PriceCatalog catalog = TestCatalogs.Standard();

        Assert.Equal("Nodes", Assert.Throws<ArgumentException>(() => catalog.List(new PriceQuery { Nodes = 0 })).ParamName);
        Assert.Equal("MinVcpu", Assert.Throws<ArgumentException>(() => catalog.List(new PriceQuery { MinVcpu = 8, MaxVcpu = 4 })).ParamName);
    }
}
