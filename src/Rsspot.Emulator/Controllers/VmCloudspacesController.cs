using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>VM cloudspaces with their assigned servers; only the webhook changes after create.</summary>
internal sealed class VmCloudspacesController(NamespacedHandler handler) : VmcloudspacesControllerBase
{
    private static readonly ResourceKind Kind = ResourceKind.VmCloudSpace;

    public override Task<ActionResult<VmCloudSpaceList>> ListVmCloudspaces(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.List(Request, Kind, @namespace, labelSelector).AsTask<VmCloudSpaceList>();

    public override async Task<ActionResult<VmCloudSpace>> CreateVmCloudspace(VmCloudSpace body, string @namespace, CancellationToken cancellationToken = default) =>
        (await handler.CreateAsync(Request, Kind, @namespace, cancellationToken).ConfigureAwait(false)).As<VmCloudSpace>();

    public override Task<ActionResult<VmCloudSpace>> GetVmCloudspace(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Resources.Get(Kind, @namespace, name).AsTask<VmCloudSpace>();

    public override async Task<ActionResult<VmCloudSpace>> PatchVmCloudspace(VmCloudSpace body, string @namespace, string name, CancellationToken cancellationToken = default) =>
        (await handler.PatchAsync(Request, Kind, @namespace, name, cancellationToken).ConfigureAwait(false)).As<VmCloudSpace>();

    public override Task<ActionResult<Status>> DeleteVmCloudspace(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Delete(Request, Kind, @namespace, name).AsTask<Status>();
}
