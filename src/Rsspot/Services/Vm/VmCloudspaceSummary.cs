using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>A VM cloudspace in one row, flattened from <see cref="VmCloudSpace"/>.</summary>
/// <param name="Name">The VM cloudspace name.</param>
/// <param name="Region">The region it runs in.</param>
/// <param name="Phase">Its phase (e.g. Provisioning, Ready), or null before the API reports one.</param>
/// <param name="SshKey">The VM SSH key its machines accept.</param>
/// <param name="Webhook">The preemption webhook, if any.</param>
/// <param name="Servers">How many machines are assigned to it.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record VmCloudspaceSummary(string Name, string? Region, string? Phase, string? SshKey, string? Webhook, int Servers, DateTimeOffset? CreatedAt)
{
    /// <summary>Whether the VM cloudspace is Ready.</summary>
    public bool IsReady => string.Equals(Phase, VmCloudspacesService.ReadyPhase, StringComparison.OrdinalIgnoreCase);

    /// <summary>Flattens a generated VM cloudspace model.</summary>
    /// <param name="cloudspace">The model.</param>
    public static VmCloudspaceSummary From(VmCloudSpace cloudspace)
    {
        ArgumentNullException.ThrowIfNull(cloudspace);
        return new VmCloudspaceSummary(
            cloudspace.Metadata?.Name ?? string.Empty,
            cloudspace.Spec?.Region,
            cloudspace.Status?.Phase,
            cloudspace.Spec?.VmSshKeyRef?.Name,
            string.IsNullOrEmpty(cloudspace.Spec?.Webhook) ? null : cloudspace.Spec.Webhook,
            InventoryService.AssignedVms(cloudspace).Count,
            cloudspace.Metadata?.CreationTimestamp);
    }
}
