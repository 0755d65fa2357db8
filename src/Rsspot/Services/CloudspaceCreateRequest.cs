using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>A new cloudspace, optionally with node pools created right after it.</summary>
/// <param name="Name">Cloudspace name (DNS-1123 label).</param>
/// <param name="Region">Region such as us-central-dfw-1.</param>
public sealed record CloudspaceCreateRequest(string Name, string Region)
{
    // The published file requires spec.kubernetesVersion and names 1.31.1 as the latest version.
    private const string DefaultKubernetesVersion = "1.31.1";

    private static readonly Dictionary<string, CloudSpaceSpec_cni> Cnis = SpecConstraints.CloudSpaceSpecCniValues
        .ToDictionary(v => v, v => Enum.Parse<CloudSpaceSpec_cni>(v, ignoreCase: true), StringComparer.OrdinalIgnoreCase);

    private static readonly string CniChoices =
        string.Join(", ", SpecConstraints.CloudSpaceSpecCniValues.SkipLast(1)) + " or " + SpecConstraints.CloudSpaceSpecCniValues[^1];

    private static readonly Dictionary<string, CloudSpaceSpec_deploymentType> DeploymentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gen1"] = CloudSpaceSpec_deploymentType.Gen1,
        ["gen2"] = CloudSpaceSpec_deploymentType.Gen2,
    };

    /// <summary>Kubernetes version, e.g. 1.30.10; 1.31.1 (the latest the API publishes) when left out, since the API requires one.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>Container network interface: calico, cilium or byocni.</summary>
    public string? Cni { get; init; }

    /// <summary>Run a highly available control plane.</summary>
    public bool? HighAvailability { get; init; }

    /// <summary>Webhook URL (e.g. a Slack channel) told about preemptions.</summary>
    public string? Webhook { get; init; }

    /// <summary>Deployment type: gen1 (legacy) or gen2; the API's default when left out. Fixed once created.</summary>
    public string? DeploymentType { get; init; }

    /// <summary>The cloud the cloudspace runs in (<c>default</c> unless told otherwise); the API's default when left out.</summary>
    public string? Cloud { get; init; }

    /// <summary>Labels of the cloudspace object.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Prepare the cloudspace for GPU server classes (<c>spec.gpuEnabled</c>, which newer Spot clients send); left out when null.</summary>
    public bool? GpuEnabled { get; init; }

    /// <summary>Spot pools to create in the new cloudspace (their Cloudspace must equal <see cref="Name"/>).</summary>
    public IReadOnlyList<SpotNodePoolRequest> SpotPools { get; init; } = [];

    /// <summary>On-demand pools to create in the new cloudspace.</summary>
    public IReadOnlyList<OnDemandNodePoolRequest> OnDemandPools { get; init; } = [];

    /// <summary>
    /// Keep the cloudspace when one of its pools cannot be created. By default it is deleted again, so a failed
    /// create leaves nothing behind and can simply be retried.
    /// </summary>
    public bool KeepOnFailure { get; init; }

    internal CloudSpace ToModel(string ns)
    {
        SpotNames.EnsureCloudspaceName(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(Region, "region");
        CloudSpaceSpec_cni? cni = null;
        if (Cni is not null)
        {
            cni = Cnis.TryGetValue(Cni, out var parsed)
                ? parsed
                : throw new ArgumentException($"CNI '{Cni}' is invalid: use {CniChoices}.", "cni");
        }

        CloudSpaceSpec_deploymentType? deploymentType = null;
        if (DeploymentType is not null)
        {
            deploymentType = DeploymentTypes.TryGetValue(DeploymentType, out var parsed)
                ? parsed
                : throw new ArgumentException($"Deployment type '{DeploymentType}' is invalid: use gen1 or gen2.", "deploymentType");
        }

        foreach (var pool in SpotPools.Select(p => p.Cloudspace).Concat(OnDemandPools.Select(p => p.Cloudspace)))
        {
            if (!string.Equals(pool, Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A pool of cloudspace '{Name}' names cloudspace '{pool}'; inline pools must belong to the new cloudspace.", "pools");
            }
        }

        return new CloudSpace
        {
            ApiVersion = NodePoolModels.ApiVersion,
            Kind = "CloudSpace",
            Metadata = new ObjectMeta { Name = Name, Namespace = ns, Labels = ModelMaps.ToStringMap(Labels) },
            Spec = new CloudSpaceSpec
            {
                Region = Region,
                KubernetesVersion = string.IsNullOrWhiteSpace(KubernetesVersion) ? DefaultKubernetesVersion : KubernetesVersion,
                Cni = cni,
                HAControlPlane = HighAvailability,
                Webhook = Webhook,
                DeploymentType = deploymentType,
                Cloud = Cloud,
                GpuEnabled = GpuEnabled,
            },
        };
    }
}
