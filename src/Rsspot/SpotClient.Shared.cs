using System.Collections.Concurrent;

namespace Rsspot;

public partial class SpotClient
{
    private static readonly ConcurrentDictionary<(string? Profile, string? Org, string? Region), Lazy<SpotClient>> SharedClients = new();
    private static readonly ConcurrentQueue<Lazy<SpotClient>> RetiredClients = new();
    private static SpotClientOptions _defaults = new();

    /// <summary>
    /// Sets the options the shared clients are built from. The shared clients built so far are set aside, not
    /// disposed: code that still holds one keeps a working client, and the next <see cref="GetShared"/> or
    /// <see cref="Current"/> builds a new one with the new options. <see cref="CloseAll"/> disposes both.
    /// </summary>
    public static void Configure(SpotClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Volatile.Write(ref _defaults, options);
        foreach (var key in SharedClients.Keys)
        {
            if (SharedClients.TryRemove(key, out var client))
            {
                RetiredClients.Enqueue(client);
            }
        }
    }

    /// <summary>The shared client of the current scope (see <see cref="SpotScope"/>): one per (profile, org, region).</summary>
    public static SpotClient Current => GetShared(SpotScope.Profile, SpotScope.Org, SpotScope.Region);

    /// <summary>The shared client for a profile, organization and region (null = the configured default). Do not dispose it; use <see cref="CloseAll"/>.</summary>
    public static SpotClient GetShared(string? profile = null, string? org = null, string? region = null)
    {
        var defaults = Volatile.Read(ref _defaults);
        var key = (profile ?? defaults.Profile, org ?? defaults.Org, region ?? defaults.Region);
        return SharedClients.GetOrAdd(key, k => new Lazy<SpotClient>(() => new SpotClient(defaults with { Profile = k.Profile, Org = k.Org, Region = k.Region }))).Value;
    }

    /// <summary>
    /// Allows blocking calls (the methods without <c>Async</c>) on a <see cref="SynchronizationContext"/> type that
    /// is backed by several threads, such as a test runner's. Blocking calls on any other context but the default
    /// one throw <see cref="InvalidOperationException"/>, because a single-threaded context (a UI thread) would freeze.
    /// </summary>
    /// <param name="synchronizationContextType">The exact context type, a subclass of <see cref="SynchronizationContext"/>.</param>
    public static void AllowBlockingOn(Type synchronizationContextType)
    {
        ArgumentNullException.ThrowIfNull(synchronizationContextType);
        if (!synchronizationContextType.IsSubclassOf(typeof(SynchronizationContext)))
        {
            throw new ArgumentException($"{synchronizationContextType.FullName} is not a SynchronizationContext.", nameof(synchronizationContextType));
        }

        SyncOverAsync.Allow(synchronizationContextType);
    }

    /// <summary>Disposes every shared client, also those set aside by <see cref="Configure"/>.</summary>
    public static void CloseAll()
    {
        foreach (var key in SharedClients.Keys)
        {
            if (SharedClients.TryRemove(key, out var client))
            {
                RetiredClients.Enqueue(client);
            }
        }

        while (RetiredClients.TryDequeue(out var client))
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
    }
}
