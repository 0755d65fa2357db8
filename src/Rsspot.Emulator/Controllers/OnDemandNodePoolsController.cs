using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>On-demand node pools of a namespace.</summary>
internal sealed class OnDemandNodePoolsController(NamespacedHandler handler) : OndemandnodepoolsControllerBase
{
    private static readonly ResourceKind Kind = ResourceKind.OnDemandNodePool;

    public override Task<ActionResult<OnDemandNodePoolList>> ListOnDemandNodePools(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.List(Request, Kind, @namespace, labelSelector).AsTask<OnDemandNodePoolList>();

    public override async Task<ActionResult<OnDemandNodePool>> CreateOnDemandNodePool(OnDemandNodePool body, string @namespace, CancellationToken cancellationToken = default) =>
        (await handler.CreateAsync(Request, Kind, @namespace, cancellationToken).ConfigureAwait(false)).As<OnDemandNodePool>();

    public override Task<ActionResult<Status>> DeleteOnDemandNodePoolCollection(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.DeleteCollection(Request, Kind, @namespace, labelSelector).AsTask<Status>();

    public override Task<ActionResult<OnDemandNodePool>> GetOnDemandNodePool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Resources.Get(Kind, @namespace, name).AsTask<OnDemandNodePool>();

    public override async Task<ActionResult<OnDemandNodePool>> PatchOnDemandNodePool(OnDemandNodePool body, string @namespace, string name, CancellationToken cancellationToken = default) =>
        (await handler.PatchAsync(Request, Kind, @namespace, name, cancellationToken).ConfigureAwait(false)).As<OnDemandNodePool>();

    public override Task<ActionResult<Status>> DeleteOnDemandNodePool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Delete(Request, Kind, @namespace, name).AsTask<Status>();
}
