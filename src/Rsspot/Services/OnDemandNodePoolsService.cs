using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

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
