using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>Autopilot node pools of a namespace; their child spot node pools are the allocator's (see <see cref="Autopilot.AutopilotAllocator"/>).</summary>
internal sealed class AutopilotNodePoolsController(NamespacedHandler handler) : AutopilotnodepoolsControllerBase
{
    private static readonly ResourceKind Kind = ResourceKind.AutopilotNodePool;

    public override Task<ActionResult<AutopilotNodePoolList>> ListAutopilotNodePools(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.List(Request, Kind, @namespace, labelSelector).AsTask<AutopilotNodePoolList>();

    public override async Task<ActionResult<AutopilotNodePool>> CreateAutopilotNodePool(AutopilotNodePool body, string @namespace, CancellationToken cancellationToken = default) =>
        (await handler.CreateAsync(Request, Kind, @namespace, cancellationToken).ConfigureAwait(false)).As<AutopilotNodePool>();

    public override Task<ActionResult<AutopilotNodePool>> GetAutopilotNodePool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Resources.Get(Kind, @namespace, name).AsTask<AutopilotNodePool>();

    public override async Task<ActionResult<AutopilotNodePool>> PatchAutopilotNodePool(AutopilotNodePool body, string @namespace, string name, CancellationToken cancellationToken = default) =>
        (await handler.PatchAsync(Request, Kind, @namespace, name, cancellationToken).ConfigureAwait(false)).As<AutopilotNodePool>();

    public override Task<ActionResult<Status>> DeleteAutopilotNodePool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Delete(Request, Kind, @namespace, name).AsTask<Status>();
}
