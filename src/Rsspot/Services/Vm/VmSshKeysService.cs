using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>VM SSH keys of the client's organization: the public keys the machines of VM cloudspaces accept.</summary>
public class VmSshKeysService : SpotService
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected VmSshKeysService()
    {
    }

    internal VmSshKeysService(SpotContext context)
        : base(context, "vmsshkeys")
    {
    }

    /// <summary>Every VM SSH key of the organization, optionally filtered by a label selector.</summary>
    /// <param name="labelSelector">A label selector such as <c>team=web</c>, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<VmSshKey>> ListAsync(string? labelSelector = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var list = await CallAsync(
            "list VM SSH keys",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmsshkeys.GetAsync(labelSelector is null ? null : c => c.QueryParameters.LabelSelector = labelSelector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    /// <param name="labelSelector">A label selector, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<VmSshKey> List(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListAsync(labelSelector, cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="VmSshKeySummary"/> per key, ordered by name.</summary>
    /// <param name="labelSelector">A label selector, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<VmSshKeySummary>> ListSummariesAsync(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(labelSelector, cancellationToken).ConfigureAwait(false)).Select(VmSshKeySummary.From).OrderBy(k => k.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    /// <param name="labelSelector">A label selector, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<VmSshKeySummary> ListSummaries(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListSummariesAsync(labelSelector, cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One VM SSH key by name.</summary>
    /// <param name="name">The key name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<VmSshKey> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        VmNames.EnsureResourceName(name, "VM SSH key");
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"get VM SSH key \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmsshkeys[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"VM SSH key \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    /// <param name="name">The key name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmSshKey Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken), nameof(GetAsync));

    /// <summary>Creates a VM SSH key.</summary>
    /// <param name="request">The key's name, public key and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid, e.g. a private key or not an OpenSSH public key line (nothing was sent).</exception>
    public virtual async Task<VmSshKey> CreateAsync(VmSshKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var body = request.ToModel(ns);
        return await CallAsync(
            $"create VM SSH key \"{request.Name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmsshkeys.PostAsync(body, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? body;
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The key's name, public key and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmSshKey Create(VmSshKeyRequest request, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => CreateAsync(request, cancellationToken), nameof(CreateAsync));

    /// <summary>Deletes a VM SSH key.</summary>
    /// <param name="name">The key name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        VmNames.EnsureResourceName(name, "VM SSH key");
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"delete VM SSH key \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmsshkeys[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    /// <param name="name">The key name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken), nameof(DeleteAsync));
}
