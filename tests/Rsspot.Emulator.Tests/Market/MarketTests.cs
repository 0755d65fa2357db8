using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.Tests.Market;

/// <summary>The emulator's market: the seeded schedule, scripted prices, and bid statuses and events that follow them.</summary>
public sealed class MarketTests
{
    private const string Medium = "gp.vs1.medium-dfw";
    private const string ClassPath = "/apis/ngpc.rxt.io/v1/serverclasses/" + Medium;

    [Fact]
    public async Task A_seeded_market_repeats_for_the_same_seed_and_moves_each_step()
    {
        var start = DateTimeOffset.UtcNow;
        var clockA = new FakeTimeProvider(start);
        var clockB = new FakeTimeProvider(start);
        await using var a = await EmulatorSession.StartAsync(new EmulatorOptions { MarketSeed = 7, MarketStep = TimeSpan.FromMinutes(10), TimeProvider = clockA, TokenLifetime = TimeSpan.FromDays(1) });
        await using var b = await EmulatorSession.StartAsync(new EmulatorOptions { MarketSeed = 7, MarketStep = TimeSpan.FromMinutes(10), TimeProvider = clockB, TokenLifetime = TimeSpan.FromDays(1) });

        var seen = new List<string>();
        for (var step = 0; step < 12; step++)
        {
            var priceA = await MarketAsync(a);
            Assert.Equal(priceA, await MarketAsync(b));
            seen.Add(priceA);
            clockA.Advance(TimeSpan.FromMinutes(10));
            clockB.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.True(seen.Distinct().Count() > 6, "prices: " + string.Join(", ", seen));
    }

    [Fact]
    public async Task Seeded_documents_agree_with_the_server_class()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { MarketSeed = 3, MarketStep = TimeSpan.FromSeconds(30), TimeProvider = clock, TokenLifetime = TimeSpan.FromDays(1) });
        clock.Advance(TimeSpan.FromMinutes(95));

        var (_, serverClass) = await spot.GetAsync(ClassPath);
        var (_, history) = await spot.GetAsync("/history/" + Medium);
        var (_, percentiles) = await spot.GetAsync("/percentiles.json");

        var pricing = serverClass["status"]!["spotPricing"]!;
        var points = history["history"]!.AsArray();
        Assert.Equal(24, points.Count);
        Assert.Equal(decimal.Parse(pricing["hammerPricePerHour"]!.GetValue<string>(), CultureInfo.InvariantCulture), (decimal)points[^1]!["hammer_price"]!.GetValue<double>(), 4);
        var entry = percentiles["regions"]!["us-central-dfw-1"]!["serverclasses"]![Medium]!;
        Assert.Equal(pricing["marketPricePerHour"]!.GetValue<string>(), entry["market_price"]!.GetValue<string>());
        var runAts = points.Select(p => p!["run_at"]!.GetValue<long>()).ToList();
        Assert.Equal(runAts.Order(), runAts);
        Assert.All(runAts.Zip(runAts.Skip(1)), pair => Assert.Equal(30, pair.Second - pair.First));
    }

    [Fact]
    public void The_model_is_a_pure_function_of_seed_class_and_step()
    {
        var week = Enumerable.Range(0, 7 * 24).Select(h => SeededMarket.Price(42, Medium, 0.0100m, h, 3600)).ToList();
        Assert.Equal(week, Enumerable.Range(0, 7 * 24).Select(h => SeededMarket.Price(42, Medium, 0.0100m, h, 3600)));
        Assert.NotEqual(week, Enumerable.Range(0, 7 * 24).Select(h => SeededMarket.Price(43, Medium, 0.0100m, h, 3600)));
        Assert.All(week, p => Assert.InRange(p, 0.0050m, 0.0200m));
    }

    [Fact]
    public async Task A_scripted_price_moves_the_class_the_documents_and_the_pools_bid_status_with_events()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("market");
        var pool = Objects.NewPoolName();
        await spot.CreateSpotPoolAsync(pool, "market", Medium, bid: "0.060", desired: 3);
        Assert.Equal("Won", await BidStatusAsync(spot, pool));

        var (scripted, quote) = await spot.SendAsync(HttpMethod.Put, "/_emulator/market/" + Medium, new JsonObject { ["prices"] = new JsonArray(0.0550, 0.0650) });
        Assert.Equal(HttpStatusCode.OK, scripted);
        Assert.Equal(0.0650m, quote["marketPrice"]!.GetValue<decimal>());

        Assert.Equal("0.0650", (await MarketAsync(spot)));
        var (_, history) = await spot.GetAsync("/history/" + Medium);
        Assert.Equal([0.055, 0.065], history["history"]!.AsArray().TakeLast(2).Select(p => Math.Round(p!["hammer_price"]!.GetValue<double>(), 4)));
        var (_, lost) = await spot.GetAsync(spot.Path("spotnodepools", pool));
        Assert.Equal("Lost", lost["status"]!["bidStatus"]!.GetValue<string>());
        Assert.Equal(0, lost["status"]!["wonCount"]!.GetValue<int>());

        await spot.SendAsync(HttpMethod.Put, "/_emulator/market/" + Medium, new JsonObject { ["price"] = 0.0500 });
        Assert.Equal("Won", await BidStatusAsync(spot, pool));

        var (_, events) = await spot.GetAsync("/apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=10");
        var messages = events["events"]!.AsArray().Select(e => e![1]!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m == $"SpotNodePool {pool} outbid: bid 0.060 below market 0.0650; 3 node(s) lost");
        Assert.Contains(messages, m => m == $"SpotNodePool {pool} won 3 node(s): bid 0.060 at or above market 0.0500");
    }

    [Theory]
    [InlineData("gp.vs1.nope-dfw", "{\"price\": 0.05}", HttpStatusCode.NotFound)]
    [InlineData(Medium, "{\"price\": -1}", HttpStatusCode.BadRequest)]
    [InlineData(Medium, "{}", HttpStatusCode.BadRequest)]
    [InlineData("gp.bm2.large-dfw", "{\"price\": 0.05}", HttpStatusCode.BadRequest)]
    public async Task Bad_scripts_are_refused(string serverClass, string body, HttpStatusCode expected)
    {
        await using var spot = await EmulatorSession.StartAsync();
        var (status, _) = await spot.SendAsync(HttpMethod.Put, "/_emulator/market/" + serverClass, JsonNode.Parse(body));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void The_command_line_takes_a_seed_and_a_step_and_names_a_bad_one()
    {
        var options = EmulatorCommandLine.Parse(["--market-seed", "11", "--market-step-seconds", "5"]);
        Assert.Equal(11, options.MarketSeed);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MarketStep);
        Assert.Null(EmulatorCommandLine.Parse([]).MarketSeed);
        var error = Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(["--market-step-seconds", "0"]));
        Assert.Contains("--market-step-seconds", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> MarketAsync(EmulatorSession spot)
    {
        var (_, serverClass) = await spot.GetAsync(ClassPath);
        return serverClass["status"]!["spotPricing"]!["marketPricePerHour"]!.GetValue<string>();
    }

    private static async Task<string> BidStatusAsync(EmulatorSession spot, string pool)
    {
        var (_, body) = await spot.GetAsync(spot.Path("spotnodepools", pool));
        return body["status"]!["bidStatus"]!.GetValue<string>();
    }
}
