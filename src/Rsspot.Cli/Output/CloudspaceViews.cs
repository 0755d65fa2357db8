using System.Text.Json.Nodes;
using Rsspot.Services;

namespace Rsspot.Cli.Output;

/// <summary>The tables of cloudspaces: one per line, or one as name/value pairs.</summary>
internal static class CloudspaceViews
{
    public static TableView List(IEnumerable<Generated.Api.Models.CloudSpace> cloudspaces)
    {
        var table = new TableView("NAME", "REGION", "PHASE", "KUBERNETES", "HA");
        foreach (var c in cloudspaces.Select(CloudspaceSummary.From).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            table.Add(c.Name, c.Region, c.Phase, c.KubernetesVersion, c.HighAvailability ? "true" : "false");
        }

        return table;
    }

    public static TableView Pairs(JsonNode json) => TableView.Pairs(
    [
        ("name", JsonModels.Text(json, "metadata.name")),
        ("region", JsonModels.Text(json, "spec.region")),
        ("phase", JsonModels.Text(json, "status.phase")),
        ("health", JsonModels.Text(json, "status.health")),
        ("kubernetes", Present(JsonModels.Text(json, "spec.kubernetesVersion")) ?? JsonModels.Text(json, "status.currentKubernetesVersion")),
        ("ha_control_plane", Present(JsonModels.Text(json, "spec.HAControlPlane")) ?? "false"), // the published default
        ("cni", JsonModels.Text(json, "spec.cni")),
        ("api_endpoint", JsonModels.Text(json, "status.APIServerEndpoint")),
    ]);

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
