using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Changes to a cloudspace; only the set fields are sent (merge patch).</summary>
public sealed record CloudspaceUpdate
{
    /// <summary>New Kubernetes version (an upgrade).</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>New webhook URL.</summary>
    public string? Webhook { get; init; }

    /// <summary>Turn the highly available control plane on or off.</summary>
    public bool? HighAvailability { get; init; }

    /// <summary>Labels of the cloudspace object to set.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    internal CloudSpace ToPatch()
    {
        if (KubernetesVersion is null && Webhook is null && HighAvailability is null && Labels is null)
        {
            throw new ArgumentException("Nothing to update: set the Kubernetes version, webhook, HA control plane or labels.", nameof(KubernetesVersion));
        }

        return new CloudSpace
        {
            Metadata = Labels is null ? null : new ObjectMeta { Labels = ModelMaps.ToStringMap(Labels) },
            Spec = KubernetesVersion is null && Webhook is null && HighAvailability is null
                ? null
                : new CloudSpaceSpec { KubernetesVersion = KubernetesVersion, Webhook = Webhook, HAControlPlane = HighAvailability },
        };
    }
}
