using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>Spot node pools of a namespace.</summary>
internal sealed class SpotNodePoolsController(NamespacedHandler handler) : SpotnodepoolsControllerBase
{
    private static readonly ResourceKind Kind = ResourceKind.SpotNodePool;

    public override Task<ActionResult<SpotNodePoolList>> ListSpotNodePools(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.List(Request, Kind, @namespace, labelSelector).AsTask<SpotNodePoolList>();

    public override async Task<ActionResult<SpotNodePool>> CreateSpotNodePool(SpotNodePool body, string @namespace, CancellationToken cancellationToken = default) =>
        (await handler.CreateAsync(Request, Kind, @namespace, cancellationToken).ConfigureAwait(false)).As<SpotNodePool>();

    public override Task<ActionResult<Status>> DeleteSpotNodePoolCollection(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.DeleteCollection(Request, Kind, @namespace, labelSelector).AsTask<Status>();

    public override Task<ActionResult<SpotNodePool>> GetSpotNodePool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Resources.Get(Kind, @namespace, name).AsTask<SpotNodePool>();

    public override async Task<ActionResult<SpotNodePool>> PatchSpotNodePool(SpotNodePool body, string @namespace, string name, CancellationToken cancellationToken = default) =>
        (await handler.PatchAsync(Request, Kind, @namespace, name, cancellationToken).ConfigureAwait(false)).As<SpotNodePool>();

    public override Task<ActionResult<Status>> DeleteSpotNodePool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Delete(Request, Kind, @namespace, name).AsTask<Status>();
}
