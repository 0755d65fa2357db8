using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>Cloudspaces of a namespace.</summary>
internal sealed class CloudspacesController(NamespacedHandler handler) : CloudspacesControllerBase
{
    private static readonly ResourceKind Kind = ResourceKind.CloudSpace;

    public override Task<ActionResult<CloudSpaceList>> ListCloudspaces(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.List(Request, Kind, @namespace, labelSelector).AsTask<CloudSpaceList>();

    public override async Task<ActionResult<CloudSpace>> CreateCloudspace(CloudSpace body, string @namespace, CancellationToken cancellationToken = default) =>
        (await handler.CreateAsync(Request, Kind, @namespace, cancellationToken).ConfigureAwait(false)).As<CloudSpace>();

    public override Task<ActionResult<Status>> DeleteCloudspaceCollection(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.DeleteCollection(Request, Kind, @namespace, labelSelector).AsTask<Status>();

    public override Task<ActionResult<CloudSpace>> GetCloudspace(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Resources.Get(Kind, @namespace, name).AsTask<CloudSpace>();

    public override async Task<ActionResult<CloudSpace>> PatchCloudspace(CloudSpace body, string @namespace, string name, CancellationToken cancellationToken = default) =>
        (await handler.PatchAsync(Request, Kind, @namespace, name, cancellationToken).ConfigureAwait(false)).As<CloudSpace>();

    public override Task<ActionResult<Status>> DeleteCloudspace(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Delete(Request, Kind, @namespace, name).AsTask<Status>();
}
