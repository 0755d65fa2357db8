using System.Text.Json.Nodes;
using Rsspot.Services;
using Rsspot.Workflows;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Results of the account and inventory tools: organizations, regions, server classes, VM cloudspaces, events.</summary>
internal static class AccountResults
{
    public static JsonObject Organization(OrganizationRef org) => new()
    {
        ["id"] = org.Id,
        ["name"] = org.Name,
        ["display_name"] = org.DisplayName,
        ["namespace"] = org.Namespace,
    };

    public static JsonObject OrganizationSchema() => Object(("id", String()), ("name", String()), ("display_name", NullableString()), ("namespace", String()));

    public static JsonObject Region(RegionSummary region) => new()
    {
        ["name"] = region.Name,
        ["country"] = region.Country,
        ["description"] = region.Description,
    };

    public static JsonObject RegionSchema() => Object(("name", String()), ("country", NullableString()), ("description", NullableString()));

    public static JsonObject ServerClass(ServerClassSummary c) => new()
    {
        ["name"] = c.Name,
        ["region"] = c.Region,
        ["category"] = c.Category,
        ["cpu"] = c.Cpu,
        ["memory"] = c.Memory,
        ["market_per_hour"] = Json.Number(c.MarketPricePerHour),
        ["hammer_per_hour"] = Json.Number(c.HammerPricePerHour),
        ["on_demand_per_hour"] = Json.Number(c.OnDemandPricePerHour),
        ["availability"] = c.Availability,
        ["available"] = c.Available,
        ["capacity"] = c.Capacity,
    };

    public static JsonObject ServerClassSchema() => Object(
        ("name", String()),
        ("region", NullableString()),
        ("category", NullableString()),
        ("cpu", NullableString()),
        ("memory", NullableString()),
        ("market_per_hour", NullableNumber()),
        ("hammer_per_hour", NullableNumber()),
        ("on_demand_per_hour", NullableNumber()),
        ("availability", NullableString()),
        ("available", NullableInteger()),
        ("capacity", NullableInteger()));

    public static JsonObject VmCloudspace(VmCloudspaceSnapshot snapshot) => new()
    {
        ["name"] = snapshot.Name,
        ["servers"] = new JsonArray([.. snapshot.Servers.Select(s => (JsonNode)new JsonObject
        {
            ["key"] = s.Key,
            ["server_name"] = s.ServerName,
            ["display_name"] = s.DisplayName,
            ["node_pool"] = s.NodePoolName,
            ["ip"] = s.Ip,
        })]),
    };

    public static JsonObject VmCloudspaceSchema() => Object(
        ("name", String()),
        ("servers", Array(Object(("key", String()), ("server_name", NullableString()), ("display_name", NullableString()), ("node_pool", NullableString()), ("ip", NullableString())))));

    public static JsonObject Event(OrganizationEvent e) => new() { ["timestamp"] = e.Timestamp, ["message"] = e.Message };

    public static JsonObject EventSchema() => Object(("timestamp", String()), ("message", String()));
}
