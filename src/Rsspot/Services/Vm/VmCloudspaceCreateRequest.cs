using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>A new VM cloudspace, optionally with VM pools created right after it.</summary>
/// <param name="Name">VM cloudspace name (DNS-1123 label or UUID).</param>
/// <param name="Region">Region such as us-central-ord-1.</param>
/// <param name="SshKey">The VM SSH key its machines accept.</param>
public sealed record VmCloudspaceCreateRequest(string Name, string Region, string SshKey)
{
    /// <summary>The namespace of <see cref="SshKey"/>; the organization's namespace when left out.</summary>
    public string? SshKeyNamespace { get; init; }

    /// <summary>Webhook URL told about preemptions.</summary>
    public string? Webhook { get; init; }

    /// <summary>VM pools to create in the new VM cloudspace (their <see cref="VmPoolRequest.VmCloudspace"/> must equal <see cref="Name"/>).</summary>
    public IReadOnlyList<VmPoolRequest> Pools { get; init; } = [];

    /// <summary>
    /// Keep the VM cloudspace when one of its pools cannot be created. By default it is deleted again, so a failed
    /// create leaves nothing behind and can simply be retried.
    /// </summary>
    public bool KeepOnFailure { get; init; }

    internal VmCloudSpace ToModel(string ns)
    {
        VmNames.EnsureResourceName(Name, "VM cloudspace");
        ArgumentException.ThrowIfNullOrWhiteSpace(Region, "region");
        VmNames.EnsureResourceName(SshKey, "VM SSH key", "sshKey");
        foreach (var pool in Pools)
        {
            if (!string.Equals(pool.VmCloudspace, Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A pool of VM cloudspace '{Name}' names VM cloudspace '{pool.VmCloudspace}'; inline pools must belong to the new VM cloudspace.", "pools");
            }
        }

        return new VmCloudSpace
        {
            ApiVersion = VmModels.ApiVersion,
            Kind = VmModels.CloudspaceKind,
            Metadata = new ObjectMeta { Name = Name, Namespace = ns },
            Spec = new VmCloudSpaceSpec
            {
                Region = Region,
                Webhook = string.IsNullOrEmpty(Webhook) ? null : Webhook,
                VmSshKeyRef = new VmSshKeyRef { Name = SshKey, Namespace = string.IsNullOrWhiteSpace(SshKeyNamespace) ? ns : SshKeyNamespace },
            },
        };
    }
}
