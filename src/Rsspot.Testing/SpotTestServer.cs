using Rsspot.Configuration;
using Rsspot.Emulator;
using Rsspot.Services;

namespace Rsspot.Testing;

/// <summary>
/// The Spot emulator running in-process on 127.0.0.1 (a free port) for tests of code that uses the SDK: clients
/// pointed at it and isolated from the machine's config, seeding, switchable faults and the request log.
/// Its clients do not cache responses, so seeded objects and faults are seen at once (see <see cref="ClientOptions"/>).
/// </summary>
/// <example><code>
/// await using var spot = await SpotTestServer.StartAsync();
/// using var client = spot.CreateClient();
/// var regions = await client.Regions.ListAsync();
/// </code></example>
public sealed class SpotTestServer : IAsyncDisposable
{
    private readonly DirectoryInfo _state;

    private SpotTestServer(EmulatorHost emulator, DirectoryInfo state)
    {
        Emulator = emulator;
        _state = state;
    }

    /// <summary>The running emulator (every admin helper: resources, VM servers, token expiry, ...).</summary>
    public EmulatorHost Emulator { get; }

    /// <summary>Base URL of the API, OAuth and price-data hosts, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => Emulator.BaseUrl;

    /// <summary>Name of the caller's first organization (the one clients use by default).</summary>
    public string OrganizationName => Emulator.OrganizationName;

    /// <summary>Namespace of the caller's first organization.</summary>
    public string Namespace => Emulator.Namespace;

    /// <summary>Every request the emulator has seen, oldest first, with secrets redacted.</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog => Emulator.GetRequestLog();

    /// <summary>Starts an emulator; <paramref name="options"/> sets the organization name, token lifetime, faults, ...</summary>
    public static async Task<SpotTestServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = await EmulatorHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new SpotTestServer(emulator, Directory.CreateTempSubdirectory("rsspot-testing-"));
    }

    /// <summary>
    /// Options for a client of this emulator: its URLs, refresh token and organization, quick retries, a state.db
    /// in a temp folder, with no config file or environment variable of the machine taking part, and no response
    /// cache (<see cref="SpotClientOptions.NoCache"/>), so every call reaches the emulator and sees at once what was
    /// seeded, changed by another client or switched on with <see cref="InjectFaults"/>.
    /// </summary>
    /// <remarks>
    /// To test code that relies on the cache, turn it back on: <c>spot.CreateClient(o =&gt; o with { NoCache = false })</c>.
    /// Such a client answers repeated GETs from its cache for the profile's TTL (5 s for lists under a namespace,
    /// 20 s for regions), so an object seeded after its first list shows up after the TTL or after a write through
    /// that same client; seed before the first read, or read with the cache bypassed.
    /// </remarks>
    public SpotClientOptions ClientOptions() => SpotClientOptions.Isolated(Emulator.BaseUrl, Emulator.RefreshToken, Emulator.OrganizationName, _state.FullName) with
    {
        ClientId = Emulator.ClientId,
        Retry = new RetrySettings(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50), 0.2, [429, 500, 502, 503, 504]),
        NoCache = true,
    };

    /// <summary>A ready client of this emulator (see <see cref="ClientOptions"/>); dispose it when done.</summary>
    public SpotClient CreateClient(Func<SpotClientOptions, SpotClientOptions>? adjust = null)
    {
        var options = ClientOptions();
        return new SpotClient(adjust is null ? options : adjust(options));
    }

    /// <summary>
    /// Creates a cloudspace (and the pools of the request) through the API, as a user would. Clients from
    /// <see cref="CreateClient"/> see it on their next call (they do not cache; see <see cref="ClientOptions"/>).
    /// </summary>
    public async Task<CloudspaceCreation> SeedCloudspaceAsync(CloudspaceCreateRequest request, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient(o => o with { NoCache = true });
        return await client.Cloudspaces.CreateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Assigns a VM server to a VM cloudspace (by default <see cref="EmulatorHost.SeededVmCloudSpace"/>) and returns its key.</summary>
    public string SeedVmServer(VmServerRequest server, string vmCloudSpace = EmulatorHost.SeededVmCloudSpace) =>
        Emulator.AddVmServer(vmCloudSpace, server);

    /// <summary>Switches faults on until the result is disposed (latency, 429, 5xx, dropped connections).</summary>
    public IDisposable InjectFaults(FaultSettings faults)
    {
        Emulator.SetFaults(faults);
        return new FaultsOff(Emulator);
    }

    /// <summary>Switches every fault off.</summary>
    public void ClearFaults() => Emulator.ClearFaults();

    /// <summary>Makes every issued id_token expire now (the next call gets a 401 and refreshes).</summary>
    public void ExpireTokens() => Emulator.ExpireTokens();

    /// <summary>Forgets the requests seen so far.</summary>
    public void ClearRequestLog() => Emulator.ClearRequestLog();

    /// <summary>How many times <paramref name="method"/> <paramref name="path"/> was requested.</summary>
    public int CountRequests(string method, string path) => Emulator.CountRequests(method, path);

    /// <summary>Stops the emulator and deletes the clients' temp state.</summary>
    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync().ConfigureAwait(false);
        try
        {
            _state.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A client still holding state.db open: the temp folder is left for the OS to clean.
        }
    }

    private sealed class FaultsOff(EmulatorHost emulator) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                emulator.ClearFaults();
            }
        }
    }
}
