using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>VM cloudspaces of the client's organization: groups of plain virtual machines sharing an SSH key.</summary>
public class VmCloudspacesService : SpotService
{
    /// <summary>The phase of a VM cloudspace whose machines are up.</summary>
    public const string ReadyPhase = "Ready";

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected VmCloudspacesService()
    {
    }

    internal VmCloudspacesService(SpotContext context)
        : base(context, "vmcloudspaces")
    {
    }

    /// <summary>
    /// How long <see cref="CreateAsync"/> tries to delete the VM cloudspace again after one of its pools failed or the
    /// caller cancelled: the cleanup runs on this budget of its own, not on the caller's (cancelled) token.
    /// </summary>
    public static TimeSpan RollbackTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Every VM cloudspace of the organization, optionally filtered by a label selector.</summary>
    /// <param name="labelSelector">A label selector, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<VmCloudSpace>> ListAsync(string? labelSelector = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var list = await CallAsync(
            "list VM cloudspaces",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmcloudspaces.GetAsync(labelSelector is null ? null : c => c.QueryParameters.LabelSelector = labelSelector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    /// <param name="labelSelector">A label selector, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<VmCloudSpace> List(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListAsync(labelSelector, cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="VmCloudspaceSummary"/> per VM cloudspace, ordered by name.</summary>
    /// <param name="labelSelector">A label selector, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<VmCloudspaceSummary>> ListSummariesAsync(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(labelSelector, cancellationToken).ConfigureAwait(false)).Select(VmCloudspaceSummary.From).OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    /// <param name="labelSelector">A label selector, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<VmCloudspaceSummary> ListSummaries(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListSummariesAsync(labelSelector, cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One VM cloudspace by name.</summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<VmCloudSpace> GetAsync(string name, CancellationToken cancellationToken = default) => GetAsync(name, bypassCache: false, cancellationToken);

    /// <summary>Blocking form of <see cref="GetAsync(string, CancellationToken)"/>.</summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmCloudSpace Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken), nameof(GetAsync));

    /// <summary>
    /// Creates a VM cloudspace, then the pools of the request (if any). Every pool's class and bid are checked
    /// before anything is sent; when a pool fails or the caller cancels, the VM cloudspace is deleted again unless
    /// <see cref="VmCloudspaceCreateRequest.KeepOnFailure"/>.
    /// </summary>
    /// <param name="request">The VM cloudspace and its pools.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="BidCeilingException">A pool's bid is above its class's ceiling (nothing was sent).</exception>
    /// <exception cref="CloudspaceCreationException">The VM cloudspace was created but one of its pools was not.</exception>
    public virtual async Task<VmCloudspaceCreation> CreateAsync(VmCloudspaceCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var body = request.ToModel(ns);
        var poolBodies = request.Pools.Select(p => p.ToModel(ns)).ToList();
        await CheckPoolsAsync(request, cancellationToken).ConfigureAwait(false);
        var created = await CallAsync(
            $"create VM cloudspace \"{request.Name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmcloudspaces.PostAsync(body, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? body;

        var pools = new List<VmPool>();
        try
        {
            foreach (var pool in poolBodies)
            {
                pools.Add(await VmPoolsService.PostAsync(Context, ns, pool, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException)
        {
            var deleted = !request.KeepOnFailure && await TryDeleteAfterFailureAsync(request.Name).ConfigureAwait(false);
            throw new CloudspaceCreationException(request.Name, pools.Count, deleted, request.KeepOnFailure, ex);
        }

        return new VmCloudspaceCreation(created, pools);
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The VM cloudspace and its pools.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmCloudspaceCreation Create(VmCloudspaceCreateRequest request, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => CreateAsync(request, cancellationToken), nameof(CreateAsync));

    /// <summary>Sets or clears (with an empty string) the preemption webhook, the one field of a VM cloudspace that can change.</summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="webhook">The new webhook URL, or an empty string to clear it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<VmCloudSpace> UpdateWebhookAsync(string name, string webhook, CancellationToken cancellationToken = default)
    {
        VmNames.EnsureResourceName(name, "VM cloudspace");
        ArgumentNullException.ThrowIfNull(webhook);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var patch = new VmCloudSpace { Spec = new VmCloudSpaceSpec { Webhook = webhook } };
        return await CallAsync(
            $"update VM cloudspace \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmcloudspaces[name].PatchAsync(patch, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"VM cloudspace \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateWebhookAsync"/>.</summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="webhook">The new webhook URL, or an empty string to clear it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual VmCloudSpace UpdateWebhook(string name, string webhook, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => UpdateWebhookAsync(name, webhook, cancellationToken), nameof(UpdateWebhookAsync));

    /// <summary>Deletes a VM cloudspace (and with it its pools and machines).</summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        VmNames.EnsureResourceName(name, "VM cloudspace");
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"delete VM cloudspace \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmcloudspaces[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken), nameof(DeleteAsync));

    /// <summary>
    /// Polls the VM cloudspace (bypassing the cache, backing off from 1 s to 10 s) until its phase is Ready and every
    /// assigned machine has an address, reporting each new phase.
    /// </summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="progress">Told each new phase.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">Not Ready within <paramref name="timeout"/>.</exception>
    public virtual Task<VmCloudSpace> WaitUntilReadyAsync(string name, TimeSpan timeout, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        PhaseWait.UntilAsync(
            Context.Time,
            timeout,
            ct => GetAsync(name, bypassCache: true, ct),
            cloudspace => cloudspace.Status?.Phase,
            (cloudspace, phase) => PhaseWait.Is(phase, ReadyPhase) && InventoryService.AssignedVms(cloudspace).All(s => !string.IsNullOrEmpty(s.Ip)),
            phase => $"VM cloudspace \"{name}\" is still {phase} (or has machines without an address) after {timeout.TotalSeconds:0} s; wait longer or check its status.",
            progress,
            cancellationToken);

    /// <summary>Blocking form of <see cref="WaitUntilReadyAsync"/>.</summary>
    /// <param name="name">The VM cloudspace name.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="progress">Told each new phase.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual VmCloudSpace WaitUntilReady(string name, TimeSpan timeout, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => WaitUntilReadyAsync(name, timeout, progress, cancellationToken), nameof(WaitUntilReadyAsync));

    // Every pool's class must exist, be in the VM cloudspace's region and take its bid, checked before anything is
    // created, so a typo never leaves a half-built VM cloudspace behind.
    private async Task CheckPoolsAsync(VmCloudspaceCreateRequest request, CancellationToken cancellationToken)
    {
        foreach (var pool in request.Pools)
        {
            var (ceiling, serverClass) = await SpotPoolChecks.ReadAsync(Context, pool.ServerClass, pool.MaxBid, cancellationToken).ConfigureAwait(false);
            if (serverClass.Spec?.Region is { Length: > 0 } region && !string.Equals(region, request.Region, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Server class '{pool.ServerClass}' of a pool is in region {region}, not in the VM cloudspace's region {request.Region}; nothing was created.", "serverClass");
            }

            ceiling.Ensure(pool.BidPrice);
            SpotPoolChecks.WarnAboveCapacity(Context, serverClass, pool.ServerClass, pool.Desired);
        }
    }

    private async Task<bool> TryDeleteAfterFailureAsync(string name)
    {
        using var cleanup = new CancellationTokenSource(RollbackTimeout);
        try
        {
            await DeleteAsync(name, cleanup.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<VmCloudSpace> GetAsync(string name, bool bypassCache, CancellationToken cancellationToken)
    {
        VmNames.EnsureResourceName(name, "VM cloudspace");
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"get VM cloudspace \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmcloudspaces[name].GetAsync(CacheBypass.When(bypassCache), ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"VM cloudspace \"{name}\"");
    }
}
