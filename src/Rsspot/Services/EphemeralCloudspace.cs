using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>
/// A cloudspace made for one job by <see cref="CloudspacesService.CreateEphemeralAsync"/>: disposing it deletes
/// it (with its pools), on a budget of its own, unless <see cref="Keep"/> was set.
/// </summary>
public sealed class EphemeralCloudspace : IAsyncDisposable, IDisposable
{
    private readonly CloudspacesService _cloudspaces;
    private readonly SemaphoreSlim _gate = new(1, 1);

    internal EphemeralCloudspace(CloudspacesService cloudspaces, CloudspaceCreation creation)
    {
        _cloudspaces = cloudspaces;
        Creation = creation;
        Ready = creation.Cloudspace;
    }

    /// <summary>How long the delete may take, whatever the caller's cancellation says. Default one minute.</summary>
    public TimeSpan CleanupTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The cloudspace's name.</summary>
    public string Name => Creation.Cloudspace.Metadata?.Name ?? string.Empty;

    /// <summary>What was created: the cloudspace and its pools.</summary>
    public CloudspaceCreation Creation { get; }

    /// <summary>The cloudspace as it was when it became Ready.</summary>
    public CloudSpace Ready { get; internal set; }

    /// <summary>When true, disposing leaves the cloudspace in place.</summary>
    public bool Keep { get; set; }

    /// <summary>What the cleanup did, once it ran; null before.</summary>
    public EphemeralCleanup? Cleanup { get; private set; }

    /// <summary>Deletes the cloudspace now (once: later calls answer the first outcome), on <see cref="CleanupTimeout"/>.</summary>
    public async Task<EphemeralCleanup> DeleteAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return Cleanup ??= await DeleteOnceAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes the cloudspace unless <see cref="Keep"/> is set; never throws for a failed delete (see <see cref="Cleanup"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            Cleanup ??= new EphemeralCleanup(Name, false, $"Kept cloudspace \"{Name}\" as asked; it runs (and is billed) until it is deleted.");
            return;
        }

        await DeleteAsync().ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DisposeAsync"/>: deletes the cloudspace unless <see cref="Keep"/> is set.</summary>
    public void Dispose() => SyncOverAsync.Run(() => DisposeAsync().AsTask(), nameof(DisposeAsync));

    private async Task<EphemeralCleanup> DeleteOnceAsync()
    {
        var pools = Creation.SpotPools.Count + Creation.OnDemandPools.Count;
        using var budget = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await _cloudspaces.DeleteAsync(Name, budget.Token).ConfigureAwait(false);
            return new EphemeralCleanup(Name, true, $"Deleted cloudspace \"{Name}\" and its {pools} node pool(s).");
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            return new EphemeralCleanup(Name, true, $"Cloudspace \"{Name}\" was already gone.");
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException or HttpRequestException)
        {
            var why = ex is OperationCanceledException ? $"the delete did not finish within {CleanupTimeout.TotalSeconds:0} s" : ex.Message.TrimEnd('.');
            return new EphemeralCleanup(Name, false, $"Left cloudspace \"{Name}\" and its {pools} node pool(s): {why}. It runs (and is billed) until it is deleted.");
        }
    }
}
