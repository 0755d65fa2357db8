using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Commands;

/// <summary>
/// Answers a real Spot API may give and the emulator does not: prices as JSON numbers, a pool whose auction has not
/// run, a Status or a list where data belongs. A Kestrel server passes requests to the emulator and rewrites answers.
/// </summary>
public sealed class MoneyAnswersTests(HostileCliFixture fixture) : IClassFixture<HostileCliFixture>, IDisposable
{
    private HostileServer Server => fixture.Server;

    public void Dispose() => Server.Reset();

    [Fact]
    public async Task Prices_sent_as_json_numbers_are_read_in_tables_and_json()
    {
        Server.FaultScope = r => r.Path.StartsWithSegments("/apis/ngpc.rxt.io/v1/serverclasses", StringComparison.Ordinal);
        Server.ApiFault = Rewrite("prices as numbers", body =>
        {
            foreach (var item in body["items"]!.AsArray())
            {
                var spot = item!["status"]!["spotPricing"]!;
                spot["marketPricePerHour"] = Number(spot["marketPricePerHour"]);
                spot["hammerPricePerHour"] = Number(spot["hammerPricePerHour"]);
                item["spec"]!["onDemandPricing"]!["cost"] = Number(item["spec"]!["onDemandPricing"]!["cost"]);
            }
        });

        var json = await fixture.RunAsync("pricing", "get", "gp.vs1.medium-dfw", "-o", "json");
        var table = await fixture.RunAsync("server-classes", "list", "-o", "table");

        Assert.True(json.ExitCode == 0, json.ToString());
        var market = Server.Emulator.GetMarketPrice("gp.vs1.medium-dfw")!.Value;
        Assert.Contains(market.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), json.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.0314", json.Stdout, StringComparison.Ordinal);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("0.0314", table.Stdout, StringComparison.Ordinal);
        Assert.True(Server.FaultHits > 0);
    }

    [Fact]
    public async Task A_price_of_the_wrong_json_type_is_refused_with_exit_5()
    {
        Server.FaultScope = r => r.Path.StartsWithSegments("/apis/ngpc.rxt.io/v1/serverclasses", StringComparison.Ordinal);
        Server.ApiFault = Rewrite("price as an object", body => body["items"]![0]!["status"]!["spotPricing"]!["marketPricePerHour"] = new JsonObject { ["usd"] = 1 });

        var result = await fixture.RunAsync("server-classes", "list", "-o", "json");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("wrong shape", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task A_price_document_with_numbers_is_read_and_one_with_an_object_price_is_refused()
    {
        Server.FaultScope = r => r.Path.Value!.EndsWith("percentiles.json", StringComparison.Ordinal);
        Server.ApiFault = Rewrite("percentiles with an object price", body =>
        {
            foreach (var (_, region) in body["regions"]!.AsObject())
            {
                foreach (var (_, entry) in region!["serverclasses"]!.AsObject())
                {
                    entry!["market_price"] = new JsonObject { ["usd"] = 1 };
                }
            }
        });

        var result = await fixture.RunAsync("pricing", "list", "-o", "json");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("market_price", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_in_a_200_for_a_list_exits_with_the_statuss_meaning()
    {
        Server.FaultScope = r => r.Path.Value!.EndsWith("/cloudspaces", StringComparison.Ordinal);
        Server.ApiFault = new HostileFault("status in a 200", async (context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"user cannot list cloudspaces","reason":"Forbidden","code":403}""");
        });

        var result = await fixture.RunAsync("cloudspaces", "list", "-o", "json");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("user cannot list cloudspaces", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("403", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("""{"kind":"RegionList","apiVersion":"ngpc.rxt.io/v1","items":[]}""", "kind 'RegionList'")]
    [InlineData("""{"apiVersion":"ngpc.rxt.io/v1","metadata":{"name":"x"}}""", "without kind or items")]
    [InlineData("""[{"kind":"CloudSpace"}]""", "a JSON array")]
    public async Task An_answer_of_the_wrong_kind_is_refused_naming_the_operation_and_the_kind(string body, string said)
    {
        Server.FaultScope = r => r.Path.Value!.EndsWith("/cloudspaces", StringComparison.Ordinal);
        Server.ApiFault = new HostileFault("wrong kind", async (context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });

        var result = await fixture.RunAsync("cloudspaces", "list", "-o", "json");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("List cloudspaces", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(said, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_pool_bidding_ten_times_the_market_is_reported_pending_and_winning_exit_0()
    {
        const string serverClass = "ch.vs2.large-dfw";
        Assert.Equal(0, (await fixture.RunAsync("cloudspaces", "create", "money-pending", "--region", "us-central-dfw-1")).ExitCode);
        var market = Server.Emulator.GetMarketPrice(serverClass)!.Value;
        Server.Emulator.ScriptMarketPrices(serverClass, [.. Enumerable.Repeat(market, 24)]);
        var bid = Services.BidPrice.Format(Services.BidPrice.RoundUp(market * 10));
        var created = await fixture.RunAsync("nodepools", "spot", "create", "--cloudspace", "money-pending", "--serverclass", serverClass, "--bid-price", bid, "--desired", "2", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());

        Server.FaultScope = r => r.Path.Value!.EndsWith("/spotnodepools", StringComparison.Ordinal);
        Server.ApiFault = Rewrite("auction not run yet", body =>
        {
            foreach (var item in body["items"]!.AsArray())
            {
                item!["status"]!["bidStatus"] = "Pending";
                item["status"]!["wonCount"] = 0;
            }
        });

        var result = await fixture.RunAsync("pricing", "watch", "--once", "--cloudspace", "money-pending");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = JsonNode.Parse(result.Stdout.Trim())!;
        Assert.Equal("winning", line["status"]!.GetValue<string>());
        Assert.True(line["pending"]!.GetValue<bool>());
        Assert.StartsWith("pending (winning, no auction yet)", line["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("lower", line["action"]!.GetValue<string>());
        Assert.DoesNotContain("at its target", line["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonNode? Number(JsonNode? text) =>
        text?.GetValue<string>() is { Length: > 0 } s ? JsonValue.Create(decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture)) : text?.DeepClone();

    /// <summary>Answers as the emulator would, with its JSON body changed by <paramref name="change"/>.</summary>
    private static HostileFault Rewrite(string name, Action<JsonNode> change) => new(name, async (context, server) =>
    {
        using var http = new HttpClient { BaseAddress = server.Emulator.BaseUri };
        using var message = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.Headers.TryGetValue("Authorization", out var authorization))
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization.ToString());
        }

        using var answer = await http.SendAsync(message, context.RequestAborted);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync(context.RequestAborted))!;
        change(body);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), context.RequestAborted);
    });
}
