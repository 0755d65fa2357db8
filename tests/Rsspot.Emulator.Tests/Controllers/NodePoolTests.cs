using System.Net;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Tests.Auth;
using Rsspot.Emulator.Tests.Catalog;

namespace Rsspot.Emulator.Tests.Controllers;

public class NodePoolTests
{
    [Fact]
    public async Task A_spot_pool_gets_the_cloudspace_label_and_shows_in_the_cloudspace_bids()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var name = Objects.NewPoolName();

        var created = await spot.CreateSpotPoolAsync(name, "alpha", bid: "0.90", desired: 3);
        var (_, cloudspace) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));

        Assert.Equal("alpha", created["metadata"]!["labels"]!["ngpc.rxt.io/cloudspace"]!.GetValue<string>());
        Assert.Equal("Won", created["status"]!["bidStatus"]!.GetValue<string>());
        Assert.Equal(3, created["status"]!["wonCount"]!.GetValue<int>());
        Assert.Equal(3, cloudspace["status"]!["bids"]![name]!["wonCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_bid_below_the_market_price_is_not_won()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var (_, serverClass) = await spot.GetAsync("/apis/ngpc.rxt.io/v1/serverclasses/gp.vs2.large-dfw");
        var market = CatalogTests.Price(serverClass["status"]!["spotPricing"]!["marketPricePerHour"]!);

        // Bids go in steps of 0.001 USD: the step below the market loses, the step at or above it wins.
        var below = (Math.Ceiling(market * 1000m) - 1m) / 1000m;
        var atOrAbove = Math.Ceiling(market * 1000m) / 1000m;
        var low = await spot.CreateSpotPoolAsync(Objects.NewPoolName(), "alpha", "gp.vs2.large-dfw", below.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var exact = await spot.CreateSpotPoolAsync(Objects.NewPoolName(), "alpha", "gp.vs2.large-dfw", atOrAbove.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotEqual("Won", low["status"]!["bidStatus"]!.GetValue<string>());
        Assert.Equal(0, low["status"]!["wonCount"]!.GetValue<int>());
        Assert.Equal("Won", exact["status"]!["bidStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Raising_the_bid_with_a_merge_patch_wins_the_auction()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var name = Objects.NewPoolName();
        await spot.CreateSpotPoolAsync(name, "alpha", bid: "0.001");

        var (status, patched) = await spot.PatchAsync(spot.Path("spotnodepools", name), JsonNode.Parse("""{"spec":{"bidPrice":"0.95","desired":4}}""")!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Won", patched["status"]!["bidStatus"]!.GetValue<string>());
        Assert.Equal(4, patched["status"]!["wonCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("$0.08")]
    [InlineData("0,08")]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task A_bid_that_is_not_a_plain_positive_decimal_is_422_on_spec_bidPrice(string bid)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, body) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), Objects.SpotPool(Objects.NewPoolName(), "alpha", bid: bid));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("spec.bidPrice", body["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dollar_bid_in_a_patch_is_refused_and_the_stored_bid_is_kept()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var name = Objects.NewPoolName();
        await spot.CreateSpotPoolAsync(name, "alpha", bid: "0.50");

        var (status, _) = await spot.PatchAsync(spot.Path("spotnodepools", name), JsonNode.Parse("""{"spec":{"bidPrice":"$0.60"}}""")!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("0.50", spot.Host.GetResource("spotnodepools", name)!["spec"]!["bidPrice"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Not-A-Uuid", "alpha", "gp.vs1.medium-dfw", "metadata.name")]
    [InlineData("6F9619FF-8B86-D011-B42D-00CF4FC964FF", "alpha", "gp.vs1.medium-dfw", "metadata.name")]
    [InlineData(null, "ghost", "gp.vs1.medium-dfw", "spec.cloudSpace")]
    [InlineData(null, "", "gp.vs1.medium-dfw", "spec.cloudSpace")]
    [InlineData(null, "alpha", "gp.vs1.medium-lon", "spec.serverClass")]
    [InlineData(null, "alpha", "zz.vs1.medium-dfw", "spec.serverClass")]
    public async Task Pool_names_cloudspace_and_class_are_checked(string? name, string cloudspace, string serverClass, string field)
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, body) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), Objects.SpotPool(name ?? Objects.NewPoolName(), cloudspace, serverClass));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(body["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == field);
    }

    [Fact]
    public async Task A_pool_cannot_reference_a_cloudspace_of_another_organization()
    {
        await using var spot = await EmulatorSession.StartAsync();
        var otherNs = spot.Host.Organizations[1].Namespace;
        await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces", ns: otherNs), Objects.CloudSpace("elsewhere"));

        var (status, body) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), Objects.SpotPool(Objects.NewPoolName(), "elsewhere"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("spec.cloudSpace", body["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_desired_and_bid_are_named()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var body = Objects.SpotPool(Objects.NewPoolName(), "alpha");
        body["spec"]!.AsObject().Remove("desired");
        body["spec"]!.AsObject().Remove("bidPrice");

        var (_, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), body);

        var fields = answer["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Contains("spec.desired", fields);
        Assert.Contains("spec.bidPrice", fields);
    }

    [Fact]
    public async Task A_duplicate_pool_is_409_and_a_missing_one_404()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var name = Objects.NewPoolName();
        await spot.CreateSpotPoolAsync(name, "alpha");

        var (duplicate, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), Objects.SpotPool(name, "alpha"));
        var (missing, _) = await spot.GetAsync(spot.Path("spotnodepools", Objects.NewPoolName()));

        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task On_demand_pools_are_reserved_and_labelled()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");

        var (status, pool) = await spot.SendAsync(HttpMethod.Post, spot.Path("ondemandnodepools"), Objects.OnDemandPool(Objects.NewPoolName(), "alpha", desired: 2));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("alpha", pool["metadata"]!["labels"]!["ngpc.rxt.io/cloudspace"]!.GetValue<string>());
        Assert.Equal("Fulfilled", pool["status"]!["reservedStatus"]!.GetValue<string>());
        Assert.Equal(2, pool["status"]!["reservedCount"]!.GetValue<int>());
        Assert.Null(pool["spec"]!["bidPrice"]);
    }

    [Fact]
    public async Task Label_selectors_support_equality_inequality_existence_and_and()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        await spot.CreateCloudspaceAsync("beta");
        var a1 = await CreateLabelled(spot, "alpha", new JsonObject { ["tier"] = "web" });
        var a2 = await CreateLabelled(spot, "alpha", new JsonObject());
        var b1 = await CreateLabelled(spot, "beta", new JsonObject { ["tier"] = "db" });

        async Task<IEnumerable<string>> Select(string selector)
        {
            var (status, list) = await spot.GetAsync(spot.Path("spotnodepools") + "?labelSelector=" + Uri.EscapeDataString(selector));
            Assert.Equal(HttpStatusCode.OK, status);
            return EmulatorSession.Names(list).Order();
        }

        Assert.Equal(new[] { a1, a2 }.Order(), await Select("ngpc.rxt.io/cloudspace=alpha"));
        Assert.Equal(new[] { a1, a2 }.Order(), await Select("ngpc.rxt.io/cloudspace==alpha"));
        Assert.Equal([b1], await Select("ngpc.rxt.io/cloudspace!=alpha"));
        Assert.Equal(new[] { a1, b1 }.Order(), await Select("tier"));
        Assert.Equal([a2], await Select("!tier"));
        Assert.Equal([a1], await Select("ngpc.rxt.io/cloudspace=alpha,tier"));
        Assert.Equal([a2], await Select("ngpc.rxt.io/cloudspace=alpha, tier!=web"));
        Assert.Empty(await Select("tier=web,tier=db"));
    }

    [Theory]
    [InlineData("=x")]
    [InlineData("a b=c")]
    [InlineData("tier=we b")]
    [InlineData("a,,b")]
    public async Task A_bad_label_selector_is_400(string selector)
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, body) = await spot.GetAsync(spot.Path("spotnodepools") + "?labelSelector=" + Uri.EscapeDataString(selector));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AuthTests.AssertStatus(body, 400, "BadRequest");
    }

    [Fact]
    public async Task Server_class_and_cloudspace_of_a_pool_are_immutable_and_the_server_label_comes_back()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        var name = Objects.NewPoolName();
        await spot.CreateSpotPoolAsync(name, "alpha");

        var (classChange, body) = await spot.PatchAsync(spot.Path("spotnodepools", name), JsonNode.Parse("""{"spec":{"serverClass":"gp.vs1.large-dfw"}}""")!);
        var (labelDrop, pool) = await spot.PatchAsync(spot.Path("spotnodepools", name), JsonNode.Parse("""{"metadata":{"labels":{"ngpc.rxt.io/cloudspace":null}}}""")!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, classChange);
        Assert.Equal("spec.serverClass", body["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, labelDrop);
        Assert.Equal("alpha", pool["metadata"]!["labels"]!["ngpc.rxt.io/cloudspace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_pool_is_202_and_deleting_pools_by_selector_leaves_the_others()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        await spot.CreateCloudspaceAsync("beta");
        var a = (await spot.CreateSpotPoolAsync(Objects.NewPoolName(), "alpha"))["metadata"]!["name"]!.GetValue<string>();
        await spot.CreateSpotPoolAsync(Objects.NewPoolName(), "alpha");
        var b = (await spot.CreateSpotPoolAsync(Objects.NewPoolName(), "beta"))["metadata"]!["name"]!.GetValue<string>();

        var (one, status) = await spot.DeleteAsync(spot.Path("spotnodepools", a));
        var (collection, _) = await spot.DeleteAsync(spot.Path("spotnodepools") + "?labelSelector=ngpc.rxt.io/cloudspace=alpha");

        Assert.Equal(HttpStatusCode.Accepted, one);
        Assert.Equal(a, status["details"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, collection);
        Assert.Equal([b], spot.Host.ListResourceNames("spotnodepools"));
        var (_, cloudspace) = await spot.GetAsync(spot.Path("cloudspaces", "alpha"));
        Assert.Empty(cloudspace["status"]!["bids"]!.AsObject());
    }

    private static async Task<string> CreateLabelled(EmulatorSession spot, string cloudspace, JsonObject labels)
    {
        var name = Objects.NewPoolName();
        var body = Objects.SpotPool(name, cloudspace);
        body["metadata"]!["labels"] = labels;
        var (status, answer) = await spot.SendAsync(HttpMethod.Post, spot.Path("spotnodepools"), body);
        Assert.True(status == HttpStatusCode.Created, answer.ToJsonString());
        return name;
    }
}
