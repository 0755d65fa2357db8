using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Label selectors for node pools.</summary>
internal static class NodePoolSelectors
{
    public static string? ForCloudspace(string? cloudspace)
    {
        if (string.IsNullOrWhiteSpace(cloudspace))
        {
            return null;
        }

        SpotNames.EnsureCloudspaceName(cloudspace, "cloudspace");
        return $"{NodePoolModels.CloudspaceLabel}={cloudspace}";
    }
}
