using BenchmarkDotNet.Attributes;
using Rsspot.Auth;
using Rsspot.Http;
using Rsspot.State;

namespace Rsspot.Benchmarks;

/// <summary>
/// One GET of the regions list through the SDK's API handler chain (cache, retry, auth, sockets) against the
/// emulator (its own process) on loopback: answered by the memory front, by the sqlite store (memory front holding nothing), or
/// not cached at all (cache disabled: a full authenticated round trip).
/// Run: dotnet run -c Release --project tests/Rsspot.Benchmarks -- --filter *CacheBenchmarks* --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class CacheBenchmarks
{
    private static readonly Uri RegionsUri = new("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative);

    private EmulatorProcess _emulator = null!;
    private string _idToken = null!;
    private string _stateDir = null!;
    private StateResponseCacheStore _cacheStore = null!;
    private SocketsHttpHandler _transport = null!;
    private HttpClient _memoryFront = null!;
    private HttpClient _sqliteOnly = null!;
    private HttpClient _uncached = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await EmulatorProcess.StartAsync();
        _idToken = await _emulator.ExchangeIdTokenAsync();
        _stateDir = Directory.CreateTempSubdirectory("rsspot-bench-").FullName;
        var statePath = Path.Combine(_stateDir, "state.db");
        _cacheStore = new StateResponseCacheStore(() => StateStore.Open(statePath), ownsStore: true);
        _transport = SpotHttpPipeline.CreateTransport(verifyTls: true);

        var cache = new CacheOptions { MaxEntries = 1000, TtlForPath = _ => TimeSpan.FromHours(1), Identity = () => "bench" };
        _memoryFront = Client(cache, _cacheStore);

        // No memory entries: every hit is read from the http_cache table.
        _sqliteOnly = Client(cache with { MaxEntries = 0 }, _cacheStore);
        _uncached = Client(cache with { Enabled = false }, null);

        // The first call stores the answer in memory and in sqlite.
        await ReadAsync(_memoryFront);
        await ReadAsync(_memoryFront);
        await ReadAsync(_sqliteOnly);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _memoryFront.Dispose();
        _sqliteOnly.Dispose();
        _uncached.Dispose();
        _transport.Dispose();
        _cacheStore.Dispose();
        await _emulator.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    /// <summary>Answered by the in-memory LRU front.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> MemoryFrontHit() => ReadAsync(_memoryFront);

    /// <summary>Answered by the sqlite http_cache table (what a new process sees).</summary>
    [Benchmark]
    public Task<int> SqliteHit() => ReadAsync(_sqliteOnly);

    /// <summary>Not cached: retry, auth and an HTTP round trip to the emulator.</summary>
    [Benchmark]
    public Task<int> UncachedEmulatorCall() => ReadAsync(_uncached);

    private static async Task<int> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(RegionsUri);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private HttpClient Client(CacheOptions cache, IResponseCacheStore? store)
    {
        var tokens = new TokenManager(new EmulatorTokens(_emulator), refreshToken: null, accessToken: _idToken);
        var retry = new RetryOptions { MaxAttempts = 3, AttemptTimeout = TimeSpan.FromSeconds(30) };
        var handler = SpotHttpPipeline.CreateApiHandler(tokens, retry, cache, store, _transport);
        return new HttpClient(handler, disposeHandler: false) { BaseAddress = _emulator.BaseUri };
    }

    /// <summary>Issues a fresh emulator id_token should the configured one ever expire.</summary>
    private sealed class EmulatorTokens(EmulatorProcess emulator) : ITokenExchanger
    {
        public Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken) => emulator.ExchangeIdTokenAsync();
    }
}
