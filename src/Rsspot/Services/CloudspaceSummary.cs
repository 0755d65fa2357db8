using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>A cloudspace in one row: the fields a listing shows, flattened from <see cref="CloudSpace"/>.</summary>
/// <param name="Name">The cloudspace name.</param>
/// <param name="Region">The region it runs in.</param>
/// <param name="Phase">Its phase (e.g. Provisioning, Ready), or null before the API reports one.</param>
/// <param name="KubernetesVersion">The requested Kubernetes version, or the running one (<c>status.currentKubernetesVersion</c>) when the spec names none.</param>
/// <param name="HighAvailability">Whether the control plane is highly available.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record CloudspaceSummary(string Name, string? Region, string? Phase, string? KubernetesVersion, bool HighAvailability, DateTimeOffset? CreatedAt)
{
    /// <summary>Whether the cloudspace can take workloads.</summary>
    public bool IsReady => string.Equals(Phase, CloudspacesService.ReadyPhase, StringComparison.OrdinalIgnoreCase);

    /// <summary>Flattens a generated cloudspace model.</summary>
    /// <param name="cloudspace">The model.</param>
    public static CloudspaceSummary From(CloudSpace cloudspace)
    {
        ArgumentNullException.ThrowIfNull(cloudspace);
        return new CloudspaceSummary(
            cloudspace.Metadata?.Name ?? string.Empty,
            cloudspace.Spec?.Region,
            cloudspace.Status?.Phase,
            Present(cloudspace.Spec?.KubernetesVersion) ?? Present(cloudspace.Status?.CurrentKubernetesVersion),
            cloudspace.Spec?.HAControlPlane ?? false,
            cloudspace.Metadata?.CreationTimestamp);
    }

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
