using System.Text.Json.Nodes;
using Rsspot.Generated.Api.Models;
using Rsspot.Services;
using static Rsspot.Cli.Commands.Mcp.Shape;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>A cloudspace as the tools return it; <c>kubernetes_version</c> is what runs when the spec names none.</summary>
internal static class CloudspaceResults
{
    public static JsonObject From(CloudSpace cloudspace) => new()
    {
        ["name"] = cloudspace.Metadata?.Name ?? string.Empty,
        ["region"] = cloudspace.Spec?.Region,
        ["phase"] = cloudspace.Status?.Phase,
        ["is_ready"] = string.Equals(cloudspace.Status?.Phase, CloudspacesService.ReadyPhase, StringComparison.OrdinalIgnoreCase),
        ["kubernetes_version"] = cloudspace.Spec?.KubernetesVersion is { Length: > 0 } requested ? requested : cloudspace.Status?.CurrentKubernetesVersion,
        ["high_availability"] = cloudspace.Spec?.HAControlPlane ?? false,
        ["created_at"] = Json.Time(cloudspace.Metadata?.CreationTimestamp),
    };

    public static JsonObject Schema() => Object(
        ("name", String()),
        ("region", NullableString()),
        ("phase", NullableString()),
        ("is_ready", Boolean()),
        ("kubernetes_version", NullableString()),
        ("high_availability", Boolean()),
        ("created_at", NullableString()));

    /// <summary>A cloudspace with its spot and on-demand pools.</summary>
    public static JsonObject WithPoolsSchema()
    {
        var schema = Schema();
        schema["properties"]!["spot_pools"] = List(PoolResults.SpotSchema());
        schema["properties"]!["on_demand_pools"] = List(PoolResults.OnDemandSchema());
        schema["required"]!.AsArray().Add((JsonNode)"spot_pools");
        schema["required"]!.AsArray().Add((JsonNode)"on_demand_pools");
        return schema;
    }
}
