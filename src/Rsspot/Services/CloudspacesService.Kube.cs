using Rsspot.Kubernetes;

namespace Rsspot.Services;

/// <summary>Kubeconfig credentials and clusters for one job.</summary>
public partial class CloudspacesService
{
    /// <summary>The longest time before a token's expiry at which a credential plugin already fetches a new one.</summary>
    public static TimeSpan CredentialRefreshMargin { get; } = TimeSpan.FromSeconds(60);

    // A token that is not a JWT carries no expiry: it is asked for again after this long.
    private static readonly TimeSpan UnknownTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The credential a kubectl exec plugin hands over for cloudspace <paramref name="name"/>: the cached token while
    /// it is not near expiry, else the token of a freshly generated kubeconfig (then cached). Its expiration timestamp
    /// is a little before the token's real expiry (a quarter of its lifetime, at most <see cref="CredentialRefreshMargin"/>),
    /// so kubectl asks again in time.
    /// </summary>
    /// <param name="name">The cloudspace.</param>
    /// <param name="cache">Where tokens are kept between kubectl runs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<ExecCredential> GetExecCredentialAsync(string name, KubeTokenCache cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        SpotNames.EnsureCloudspaceName(name);
        var org = await Context.Orgs.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var key = $"{Context.Profile.BaseUrl}|{org.Name}|{name}";
        var now = Context.Time.GetUtcNow();
        if (cache.TryGet(key, now) is { } cached)
        {
            return new ExecCredential(cached);
        }

        var kubeconfig = await GetKubeconfigAsync(name, cancellationToken).ConfigureAwait(false);
        var token = Kubeconfigs.ReadCluster(kubeconfig).Token is { Length: > 0 } t
            ? t
            : throw new SpotException($"The kubeconfig of cloudspace \"{name}\" has no token for its user.");
        now = Context.Time.GetUtcNow();
        var expires = Kubeconfigs.TokenExpiry(token) ?? now + UnknownTokenLifetime;
        var lifetime = expires - now;
        var margin = TimeSpan.FromTicks(Math.Min(CredentialRefreshMargin.Ticks, Math.Max(0, lifetime.Ticks / 4)));
        var status = new ExecCredentialStatus(token, expires - margin);
        cache.Store(key, status);
        return new ExecCredential(status);
    }

    /// <summary>Blocking form of <see cref="GetExecCredentialAsync"/>.</summary>
    /// <param name="name">The cloudspace.</param>
    /// <param name="cache">Where tokens are kept between kubectl runs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual ExecCredential GetExecCredential(string name, KubeTokenCache cache, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => GetExecCredentialAsync(name, cache, cancellationToken), nameof(GetExecCredentialAsync));

    /// <summary>
    /// Creates a cloudspace for one job and waits until it is Ready; disposing the result deletes it again (on a
    /// budget of its own, whatever the caller's token says). When the create or the wait fails or is cancelled,
    /// what was created is deleted before the exception is thrown, and the exception's message says so.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var cluster = await client.Cloudspaces.CreateEphemeralAsync(request, TimeSpan.FromMinutes(30));
    /// // run the job against cluster.Name; the cloudspace is deleted when the block ends
    /// </code>
    /// </example>
    /// <param name="request">The cloudspace and its pools.</param>
    /// <param name="readyTimeout">How long to wait for Ready.</param>
    /// <param name="progress">Told each new phase while waiting; may be null.</param>
    /// <param name="cancellationToken">Cancels the create and the wait (the cleanup still runs).</param>
    public virtual async Task<EphemeralCloudspace> CreateEphemeralAsync(CloudspaceCreateRequest request, TimeSpan readyTimeout, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The create itself rolls back a cloudspace whose pools failed or were cancelled.
        var creation = await CreateAsync(request with { KeepOnFailure = false }, cancellationToken).ConfigureAwait(false);
        var cluster = new EphemeralCloudspace(this, creation);
        try
        {
            cluster.Ready = await WaitUntilReadyAsync(request.Name, readyTimeout, progress, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException or TimeoutException or HttpRequestException)
        {
            var cleanup = await cluster.DeleteAsync().ConfigureAwait(false);
            if (ex is OperationCanceledException)
            {
                throw new OperationCanceledException($"Cancelled while waiting for cloudspace \"{request.Name}\" to be Ready. {cleanup.Message}", ex, cancellationToken);
            }

            throw new SpotException($"Cloudspace \"{request.Name}\" did not become Ready: {ex.Message} {cleanup.Message}", ex);
        }
    }

    /// <summary>Blocking form of <see cref="CreateEphemeralAsync"/>; dispose the result (<c>using var</c>) to delete the cloudspace.</summary>
    /// <param name="request">The cloudspace and its pools.</param>
    /// <param name="readyTimeout">How long to wait for Ready.</param>
    /// <param name="progress">Told each new phase while waiting; may be null.</param>
    /// <param name="cancellationToken">Cancels the create and the wait (the cleanup still runs).</param>
    public virtual EphemeralCloudspace CreateEphemeral(CloudspaceCreateRequest request, TimeSpan readyTimeout, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => CreateEphemeralAsync(request, readyTimeout, progress, cancellationToken), nameof(CreateEphemeralAsync));
}
