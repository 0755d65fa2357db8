using Rsspot.Generated.Api.Models;
using Rsspot.Security;

namespace Rsspot.Services;

/// <summary>Cloudspaces (managed Kubernetes clusters) of the client's organization.</summary>
public partial class CloudspacesService : SpotService
{
    /// <summary>The phase of a cloudspace that can take workloads.</summary>
    public const string ReadyPhase = "Ready";

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected CloudspacesService()
    {
    }

    internal CloudspacesService(SpotContext context)
        : base(context, "cloudspaces")
    {
    }

    /// <summary>Every cloudspace of the organization, optionally filtered by a label selector.</summary>
    public virtual async Task<IReadOnlyList<CloudSpace>> ListAsync(string? labelSelector = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var list = await CallAsync(
            "list cloudspaces",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Cloudspaces.GetAsync(labelSelector is null ? null : c => c.QueryParameters.LabelSelector = labelSelector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<CloudSpace> List(string? labelSelector = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListAsync(labelSelector, cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="CloudspaceSummary"/> per cloudspace, ordered by name.</summary>
    public virtual async Task<IReadOnlyList<CloudspaceSummary>> ListSummariesAsync(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(labelSelector, cancellationToken).ConfigureAwait(false)).Select(CloudspaceSummary.From).OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public virtual IReadOnlyList<CloudspaceSummary> ListSummaries(string? labelSelector = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListSummariesAsync(labelSelector, cancellationToken: cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One cloudspace by name.</summary>
    public virtual Task<CloudSpace> GetAsync(string name, CancellationToken cancellationToken = default) => GetAsync(name, bypassCache: false, cancellationToken);

    /// <summary>Blocking form of <see cref="GetAsync(string, CancellationToken)"/>.</summary>
    public virtual CloudSpace Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken: cancellationToken), nameof(GetAsync));

    /// <summary>Creates a cloudspace, then the pools of the request (if any).</summary>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    public virtual async Task<CloudspaceCreation> CreateAsync(CloudspaceCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var body = request.ToModel(ns);
        var spotBodies = request.SpotPools.Select(p => p.ToModel(ns)).ToList();
        var onDemandBodies = request.OnDemandPools.Select(p => p.ToModel(ns)).ToList();
        await CheckPoolClassesAsync(request, cancellationToken).ConfigureAwait(false);
        var created = await CallAsync(
            $"create cloudspace \"{request.Name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Cloudspaces.PostAsync(body, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? body;

        var spotPools = new List<SpotNodePool>();
        var onDemandPools = new List<OnDemandNodePool>();
        try
        {
            foreach (var pool in spotBodies)
            {
                spotPools.Add(await SpotNodePoolsService.PostAsync(Context, ns, pool, cancellationToken).ConfigureAwait(false));
            }

            foreach (var pool in onDemandBodies)
            {
                onDemandPools.Add(await OnDemandNodePoolsService.PostAsync(Context, ns, pool, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException)
        {
            var deleted = !request.KeepOnFailure && await TryDeleteAfterFailureAsync(request.Name).ConfigureAwait(false);
            throw new CloudspaceCreationException(request.Name, spotPools.Count + onDemandPools.Count, deleted, request.KeepOnFailure, ex);
        }

        return new CloudspaceCreation(created, spotPools, onDemandPools);
    }

    // Every pool's class must exist and be in the cloudspace's region, checked before anything is created, so a
    // typo in a class name never leaves a half-built cloudspace behind.
    private async Task CheckPoolClassesAsync(CloudspaceCreateRequest request, CancellationToken cancellationToken)
    {
        var classes = request.SpotPools.Select(p => p.ServerClass).Concat(request.OnDemandPools.Select(p => p.ServerClass)).Distinct(StringComparer.Ordinal);
        foreach (var name in classes)
        {
            ServerClass serverClass;
            try
            {
                serverClass = await CallAsync(
                    $"get server class \"{name}\"",
                    ct => Context.Api.Apis.NgpcRxtIo.V1.Serverclasses[name].GetAsync(cancellationToken: ct),
                    cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"server class \"{name}\"");
            }
            catch (SpotApiException ex) when (ex.IsNotFound)
            {
                throw new ArgumentException($"Server class '{name}' of a pool does not exist; nothing was created. List the classes of region {request.Region} to pick one.", "serverClass", ex);
            }

            if (serverClass.Spec?.Region is { Length: > 0 } region && !string.Equals(region, request.Region, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Server class '{name}' of a pool is in region {region}, not in the cloudspace's region {request.Region}; nothing was created.", "serverClass");
            }

            foreach (var pool in request.SpotPools.Where(p => string.Equals(p.ServerClass, name, StringComparison.Ordinal)))
            {
                SpotPoolChecks.Of(serverClass, name, pool.MaxBid ?? Context.Profile.MaxBid).Ensure(pool.BidPrice);
                SpotPoolChecks.WarnAboveCapacity(Context, serverClass, name, Math.Max(pool.Desired, pool.Autoscaling?.MaxNodes ?? 0));
            }
        }
    }

    /// <summary>
    /// How long <see cref="CreateAsync"/> tries to delete the cloudspace again after one of its pools failed or the
    /// caller cancelled: the cleanup runs on this budget of its own, not on the caller's (cancelled) token.
    /// </summary>
    public static TimeSpan RollbackTimeout { get; } = TimeSpan.FromSeconds(30);

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

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    public virtual CloudspaceCreation Create(CloudspaceCreateRequest request, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => CreateAsync(request, cancellationToken: cancellationToken), nameof(CreateAsync));

    /// <summary>Changes a cloudspace with a merge patch of the set fields.</summary>
    public virtual Task<CloudSpace> UpdateAsync(string name, CloudspaceUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return PatchAsync(name, update.ToPatch(), cancellationToken);
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    public virtual CloudSpace Update(string name, CloudspaceUpdate update, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => UpdateAsync(name, update, cancellationToken: cancellationToken), nameof(UpdateAsync));

    /// <summary>Sends any merge patch (only the non-null fields of <paramref name="patch"/> are sent).</summary>
    public virtual async Task<CloudSpace> PatchAsync(string name, CloudSpace patch, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsureCloudspaceName(name);
        ArgumentNullException.ThrowIfNull(patch);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"update cloudspace \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Cloudspaces[name].PatchAsync(patch, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"cloudspace \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="PatchAsync"/>.</summary>
    public virtual CloudSpace Patch(string name, CloudSpace patch, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => PatchAsync(name, patch, cancellationToken), nameof(PatchAsync));

    /// <summary>Deletes a cloudspace (and with it its pools).</summary>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsureCloudspaceName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"delete cloudspace \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Cloudspaces[name].DeleteAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken: cancellationToken), nameof(DeleteAsync));

    /// <summary>Generates the kubeconfig of a cloudspace (a secret: never log it).</summary>
    public virtual async Task<string> GetKubeconfigAsync(string name, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsureCloudspaceName(name);
        var refresh = Context.Profile.RefreshToken
            ?? throw new AuthException($"Generating a kubeconfig needs the refresh token. {AuthException.HowToFix}");
        var org = await Context.Orgs.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var body = new KubeconfigRequest { OrganizationName = org.Name, CloudspaceName = name, RefreshToken = refresh };
        var operation = $"generate the kubeconfig of cloudspace \"{name}\"";
        try
        {
            var response = await CallAsync(
                operation,
                ct => Context.Api.Apis.AuthNgpcRxtIo.V1.GenerateKubeconfig.PostAsync(body, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            return response?.Data?.Kubeconfig is { Length: > 0 } kubeconfig
                ? kubeconfig
                : throw new SpotException($"The Spot API answered without a kubeconfig for cloudspace \"{name}\".");
        }
        catch (AuthException error) when (error.InnerException is OAuthError refused)
        {
            // The endpoint authenticates by the refresh token in the body: a 401 refuses that token, not the access token.
            var detail = ServerText.Redact(refused.ErrorDescription ?? refused.Error, Context.Secrets()) ?? "401 Unauthorized";
            throw new AuthException($"Generating the kubeconfig failed: the refresh token was refused ({detail}). {AuthException.HowToFix}", refused)
            {
                OAuthError = ServerText.Clean(refused.Error),
            };
        }
    }

    /// <summary>Blocking form of <see cref="GetKubeconfigAsync"/>.</summary>
    public virtual string GetKubeconfig(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetKubeconfigAsync(name, cancellationToken: cancellationToken), nameof(GetKubeconfigAsync));

    /// <summary>
    /// Writes the kubeconfig to <paramref name="path"/> with owner-only permissions (0600), atomically.
    /// Refuses to replace an existing file unless <paramref name="overwrite"/> is true.
    /// </summary>
    public virtual async Task WriteKubeconfigAsync(string name, string path, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path) && !overwrite)
        {
            throw new IOException($"'{path}' already exists; pass overwrite: true to replace it.");
        }

        var kubeconfig = await GetKubeconfigAsync(name, cancellationToken).ConfigureAwait(false);
        AtomicFile.WriteAllText(path, kubeconfig);
    }

    /// <summary>Blocking form of <see cref="WriteKubeconfigAsync"/>.</summary>
    public virtual void WriteKubeconfig(string name, string path, bool overwrite = false, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => WriteKubeconfigAsync(name, path, overwrite, cancellationToken), nameof(WriteKubeconfigAsync));

    /// <summary>
    /// Polls the cloudspace (bypassing the cache, backing off from 1 s to 10 s) until its phase is Ready,
    /// reporting each new phase.
    /// </summary>
    /// <exception cref="TimeoutException">Not Ready within <paramref name="timeout"/>.</exception>
    public virtual Task<CloudSpace> WaitUntilReadyAsync(string name, TimeSpan timeout, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        PhaseWait.UntilAsync(
            Context.Time,
            timeout,
            ct => GetAsync(name, bypassCache: true, ct),
            cloudspace => cloudspace.Status?.Phase,
            (_, phase) => PhaseWait.Is(phase, ReadyPhase),
            phase => $"Cloudspace \"{name}\" is still {phase} after {timeout.TotalSeconds:0} s; wait longer or check its status.",
            progress,
            cancellationToken);

    /// <summary>Blocking form of <see cref="WaitUntilReadyAsync"/>.</summary>
    public virtual CloudSpace WaitUntilReady(string name, TimeSpan timeout, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => WaitUntilReadyAsync(name, timeout, progress, cancellationToken: cancellationToken), nameof(WaitUntilReadyAsync));

    private async Task<CloudSpace> GetAsync(string name, bool bypassCache, CancellationToken cancellationToken)
    {
        SpotNames.EnsureCloudspaceName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync(
            $"get cloudspace \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Cloudspaces[name].GetAsync(CacheBypass.When(bypassCache), ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"cloudspace \"{name}\"");
    }
}
