using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>VM SSH keys; the server adds the key's fingerprint. There is no update.</summary>
internal sealed class VmSshKeysController(NamespacedHandler handler) : VmsshkeysControllerBase
{
    private static readonly ResourceKind Kind = ResourceKind.VmSshKey;

    public override Task<ActionResult<VmSshKeyList>> ListVmSshKeys(string? labelSelector, string @namespace, CancellationToken cancellationToken = default) =>
        handler.List(Request, Kind, @namespace, labelSelector).AsTask<VmSshKeyList>();

    public override async Task<ActionResult<VmSshKey>> CreateVmSshKey(VmSshKey body, string @namespace, CancellationToken cancellationToken = default) =>
        (await handler.CreateAsync(Request, Kind, @namespace, cancellationToken).ConfigureAwait(false)).As<VmSshKey>();

    public override Task<ActionResult<VmSshKey>> GetVmSshKey(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Resources.Get(Kind, @namespace, name).AsTask<VmSshKey>();

    public override Task<ActionResult<Status>> DeleteVmSshKey(string @namespace, string name, CancellationToken cancellationToken = default) =>
        handler.Delete(Request, Kind, @namespace, name).AsTask<Status>();
}
