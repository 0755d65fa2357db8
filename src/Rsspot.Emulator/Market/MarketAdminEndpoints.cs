using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Hosting;

namespace Rsspot.Emulator.Market;

/// <summary>
/// <c>/_emulator/market</c>: read the market's settings and a class's current prices and history, script a class's
/// next auctions (<c>PUT /_emulator/market/{class}</c> with <c>{"price": 0.05}</c> or <c>{"prices": [0.05, 0.06]}</c>),
/// and forget every script (<c>DELETE /_emulator/market</c>).
/// </summary>
internal static class MarketAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/market", (EmulatorServices s) => Results.Json(new
        {
            seed = s.Options.MarketSeed,
            stepSeconds = s.Options.MarketStep.TotalSeconds,
        }));
        admin.MapDelete("/market", (EmulatorServices s) =>
        {
            s.Market.ClearScripts();
            return Results.NoContent();
        });
        admin.MapGet("/market/{serverClass}", (EmulatorServices s, string serverClass) =>
            s.Catalog.FindClass(serverClass) is { } c ? Results.Json(Quote(s, c)) : UnknownClass(serverClass));
        admin.MapPut("/market/{serverClass}", (EmulatorServices s, string serverClass, MarketScript script) =>
        {
            if (s.Catalog.FindClass(serverClass) is not { } c)
            {
                return UnknownClass(serverClass);
            }

            var prices = script.Prices ?? (script.Price is { } one ? [one] : []);
            if (prices.Length == 0 || prices.Any(p => p <= 0 || p > 1000))
            {
                return Results.Json(new { error = "give \"price\" or \"prices\": USD per node-hour, above 0 and at most 1000" }, statusCode: 400);
            }

            foreach (var price in prices)
            {
                if (!s.Market.Script(c, price))
                {
                    return Results.Json(new { error = $"server class \"{serverClass}\" has no auctions" }, statusCode: 400);
                }
            }

            return Results.Json(Quote(s, c));
        });
    }

    private static object Quote(EmulatorServices s, ServerClassInfo c)
    {
        var priced = s.Market.Priced(c);
        return new
        {
            serverClass = c.Name,
            marketPrice = priced.MarketPrice,
            hammerPrice = priced.HammerPrice,
            history = s.Market.History(c).Select(p => new { runAt = p.RunAt, price = p.Price }),
        };
    }

    private static IResult UnknownClass(string name) => Results.Json(new { error = $"server class \"{name}\" not found" }, statusCode: 404);
}
