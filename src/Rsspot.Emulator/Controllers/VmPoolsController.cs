using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>VM pools, labelled with their VM cloudspace by the server; desired and bidPrice change after create.</summary>
internal sealed class VmPoolsController(NamespacedHandler handler) : VmpoolsControllerBase
{
    private static readonly ResourceKind Kind = ResourceKind.VmPool;

    public override Task<ActionResult<VmPoolList>> ListVmPools(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.List(Request, Kind, @namespace, labelSelector).AsTask<VmPoolList>();

    public override async Task<ActionResult<VmPool>> CreateVmPool(VmPool body, string @namespace, CancellationToken cancellationToken = default) =>
        (await handler.CreateAsync(Request, Kind, @namespace, cancellationToken).ConfigureAwait(false)).As<VmPool>();

    public override Task<ActionResult<VmPool>> GetVmPool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Resources.Get(Kind, @namespace, name).AsTask<VmPool>();

    public override async Task<ActionResult<VmPool>> PatchVmPool(VmPool body, string @namespace, string name, CancellationToken cancellationToken = default) =>
        (await handler.PatchAsync(Request, Kind, @namespace, name, cancellationToken).ConfigureAwait(false)).As<VmPool>();

    public override Task<ActionResult<Status>> DeleteVmPool(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Delete(Request, Kind, @namespace, name).AsTask<Status>();
}
