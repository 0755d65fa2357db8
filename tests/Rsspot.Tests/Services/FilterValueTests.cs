using Rsspot.Pricing;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Services;

/// <summary>A filter naming a region, family or generation Spot does not have is refused, never an empty answer.</summary>
public sealed class FilterValueTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task An_unknown_region_in_a_server_class_listing_lists_the_regions_and_the_nearest()
    {
        using var client = fixture.Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ServerClasses.ListAsync(region: "us-dfw"));

        Assert.Equal("region", error.ParamName);
        Assert.Contains("Did you mean 'us-central-dfw-1'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("uk-lon-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_category_is_refused_and_a_family_or_category_is_accepted()
    {
        using var client = fixture.Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ServerClasses.ListAsync(category: "xyz"));

        Assert.Equal("category", error.ParamName);
        Assert.Contains("gp", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await client.ServerClasses.ListAsync(category: "gp"));
        var category = (await client.ServerClasses.ListAsync()).First().Spec!.Category!;
        Assert.NotEmpty(await client.ServerClasses.ListAsync(category: category));
    }

    [Theory]
    [InlineData("nowhere", null, null, "regions")]
    [InlineData(null, "xx", null, "families")]
    [InlineData(null, null, "vs9", "generations")]
    public async Task Unknown_price_filters_are_refused_naming_the_filter(string? region, string? family, string? generation, string parameter)
    {
        using var client = fixture.Client();
        var query = new PriceQuery
        {
            Regions = region is null ? null : [region],
            Families = family is null ? null : [family],
            Generations = generation is null ? null : [generation],
        };

        var listing = await Assert.ThrowsAsync<ArgumentException>(() => client.Pricing.ListAsync(query));
        var build = await Assert.ThrowsAsync<ArgumentException>(() => client.Pricing.BuildAsync(new ClusterBuildRequest
        {
            Nodes = 1,
            Regions = query.Regions,
            Families = query.Families,
            Generations = query.Generations,
        }));

        Assert.Equal(parameter, listing.ParamName);
        Assert.Equal(parameter, build.ParamName);
        Assert.Contains("Known:", listing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sites_and_generation_numbers_stay_valid_filters()
    {
        using var client = fixture.Client();

        var rows = await client.Pricing.ListAsync(new PriceQuery { Regions = ["dfw"], Generations = ["1"], Families = ["gp"] });

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("us-central-dfw-1", r.Row.Region));
    }
}
