using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Spot (auction-priced) node pools of the client's organization.</summary>
public class SpotNodePoolsService : NodePoolsService<SpotNodePool, SpotNodePoolSummary, SpotNodePoolRequest>
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected SpotNodePoolsService()
    {
    }

    internal SpotNodePoolsService(SpotContext context)
        : base(context, SpotPoolKind.Instance)
    {
    }

    internal static Task<SpotNodePool> PostAsync(SpotContext context, string ns, SpotNodePool body, CancellationToken cancellationToken) =>
        SpotPoolKind.Instance.PostAsync(context, ns, body, cancellationToken);
}

/// <summary>On-demand (fixed-price) node pools of the client's organization.</summary>
public class OnDemandNodePoolsService : NodePoolsService<OnDemandNodePool, OnDemandNodePoolSummary, OnDemandNodePoolRequest>
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected OnDemandNodePoolsService()
    {
    }

    internal OnDemandNodePoolsService(SpotContext context)
        : base(context, OnDemandPoolKind.Instance)
    {
    }

    internal static Task<OnDemandNodePool> PostAsync(SpotContext context, string ns, OnDemandNodePool body, CancellationToken cancellationToken) =>
        OnDemandPoolKind.Instance.PostAsync(context, ns, body, cancellationToken);
}

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
