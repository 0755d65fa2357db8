namespace Rsspot.Apply;

/// <summary>
/// The wanted state of one cloudspace and its pools, as a clusters-as-code file states it. Settings left null are
/// not compared (the API's default applies when the cloudspace is created); pools are matched to what exists by
/// their <see cref="SpotPoolSpec.Key"/> / <see cref="OnDemandPoolSpec.Key"/>, never by their generated names.
/// </summary>
/// <param name="Name">Cloudspace name (DNS-1123 label).</param>
/// <param name="Region">Region such as us-central-dfw-1; fixed once created.</param>
public sealed record CloudspaceSpec(string Name, string Region)
{
    /// <summary>Kubernetes version, e.g. 1.31.1; a different version on an existing cloudspace is an upgrade.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>Network plugin (calico, cilium or byocni); fixed once created.</summary>
    public string? Cni { get; init; }

    /// <summary>A highly available control plane.</summary>
    public bool? HighAvailability { get; init; }

    /// <summary>Webhook URL told about preemptions.</summary>
    public string? Webhook { get; init; }

    /// <summary>Deployment type, gen1 or gen2; fixed once created.</summary>
    public string? DeploymentType { get; init; }

    /// <summary>The cloud the cloudspace runs in; fixed once created.</summary>
    public string? Cloud { get; init; }

    /// <summary>The spot pools, each with a key unique in this cloudspace.</summary>
    public IReadOnlyList<SpotPoolSpec> SpotPools { get; init; } = [];

    /// <summary>The on-demand pools, each with a key unique in this cloudspace.</summary>
    public IReadOnlyList<OnDemandPoolSpec> OnDemandPools { get; init; } = [];
}
