using System.Text.Json.Nodes;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Market;

/// <summary>Writes an organization event when a spot pool's auction outcome changes (outbid, or winning again).</summary>
internal static class AuctionEvents
{
    public static void RecordChange(EventLog events, string ns, DateTimeOffset now, StoredResource pool, decimal? market, JsonObject? before, JsonObject after)
    {
        var was = Text(before, "bidStatus");
        var status = Text(after, "bidStatus");
        if (was is null || was == status)
        {
            return;
        }

        var bid = pool.SpecString("bidPrice") ?? "?";
        var marketText = market is { } m ? SpotCatalog.Price(m) : "unknown";
        var lost = Count(before) - Count(after);
        var message = status switch
        {
            "Lost" => $"SpotNodePool {pool.Name} outbid: bid {bid} below market {marketText}; {Math.Max(lost, 0)} node(s) lost",
            "Won" => $"SpotNodePool {pool.Name} won {Count(after)} node(s): bid {bid} at or above market {marketText}",
            _ => $"SpotNodePool {pool.Name} bid status {was} -> {status}",
        };
        events.Record(ns, now, message);
    }

    private static string? Text(JsonObject? status, string field) =>
        status?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int Count(JsonObject? status) =>
        status?["wonCount"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
}
