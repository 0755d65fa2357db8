using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Services;

/// <summary>The flattened list helpers agree with the generated models they come from.</summary>
public sealed class SummaryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Region = "us-central-dfw-1";
    private const string ServerClass = "gp.vs1.medium-dfw";

    [Fact]
    public async Task Pool_and_cloudspace_summaries_flatten_what_was_created()
    {
        using var client = fixture.Client();
        const string name = "summary-a";
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, Region)
        {
            SpotPools = [new SpotNodePoolRequest(name, ServerClass, BidPrice.Parse("$0.082")) { Desired = 2, Autoscaling = new AutoscalingRange(1, 5) }],
            OnDemandPools = [new OnDemandNodePoolRequest(name, ServerClass) { Desired = 3 }],
        });

        var cloudspace = Assert.Single(await client.Cloudspaces.ListSummariesAsync(), c => c.Name == name);
        Assert.Equal(Region, cloudspace.Region);
        Assert.NotNull(cloudspace.Phase);
        Assert.Equal(cloudspace.Phase == CloudspacesService.ReadyPhase, cloudspace.IsReady);
        Assert.NotNull(cloudspace.CreatedAt);

        var spot = Assert.Single(await client.SpotNodePools.ListSummariesAsync(name));
        Assert.Equal(name, spot.Cloudspace);
        Assert.Equal(ServerClass, spot.ServerClass);
        Assert.Equal(2, spot.Desired);
        Assert.Equal(0.082m, spot.BidPrice);
        Assert.Equal(new AutoscalingRange(1, 5), spot.Autoscaling);
        Assert.Equal("1-5", spot.Autoscaling!.ToString());
        Assert.Equal((await client.SpotNodePools.GetAsync(spot.Name)).Status?.BidStatus, spot.BidStatus);

        var onDemand = Assert.Single(client.OnDemandNodePools.ListSummaries(name));
        Assert.Equal(3, onDemand.Desired);
        Assert.Equal(ServerClass, onDemand.ServerClass);
        Assert.True(Guid.TryParse(onDemand.Name, out _));

        await client.Cloudspaces.DeleteAsync(name);
        Assert.DoesNotContain(await client.Cloudspaces.ListSummariesAsync(), c => c.Name == name);
    }

    [Fact]
    public async Task Server_class_summaries_parse_prices_and_leave_unknown_prices_null()
    {
        using var client = fixture.Client();

        var models = await client.ServerClasses.ListAsync(Region);
        var summaries = await client.ServerClasses.ListSummariesAsync(Region);

        Assert.Equal(models.Select(m => m.Metadata?.Name), summaries.Select(s => s.Name));
        foreach (var (model, summary) in models.Zip(summaries))
        {
            Assert.Equal(PriceText.ParseUsd(model.Status?.SpotPricing?.MarketPricePerHour), summary.MarketPricePerHour);
            Assert.Equal(PriceText.ParseUsd(model.Spec?.OnDemandPricing?.Cost), summary.OnDemandPricePerHour);
            Assert.Equal(model.Spec?.Resources?.Memory, summary.Memory);
            Assert.Equal(model.Status?.Capacity, summary.Capacity);
        }

        Assert.Contains(summaries, s => s.MarketPricePerHour > 0);
        var bareMetal = Assert.Single(summaries, s => s.Name.StartsWith("gp.bm", StringComparison.Ordinal));
        Assert.Null(bareMetal.MarketPricePerHour);
    }

    [Fact]
    public async Task Region_summaries_are_sorted_by_name()
    {
        using var client = fixture.Client();

        var regions = await client.Regions.ListSummariesAsync();

        Assert.NotEmpty(regions);
        Assert.Equal(regions.Select(r => r.Name).Order(StringComparer.Ordinal), regions.Select(r => r.Name));
        Assert.Contains(regions, r => r.Name == Region && r.Country == "USA" && !string.IsNullOrEmpty(r.Description));
    }
}
