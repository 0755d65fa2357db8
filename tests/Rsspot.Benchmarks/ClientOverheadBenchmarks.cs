using BenchmarkDotNet.Attributes;
using Rsspot.Auth;
using Rsspot.Http;

namespace Rsspot.Benchmarks;

/// <summary>
/// The <see cref="ClientOverheadPaths"/> against the emulator in its own process (so allocations are the client's
/// only) on loopback, cache off so every call reaches the server.
/// Run: dotnet Rsspot.Benchmarks.dll --filter *ClientOverheadBenchmarks* --job short;
/// client CPU per call (the emulator's work excluded): <c>dotnet Rsspot.Benchmarks.dll --cpu</c>, see <see cref="ClientOverheadCpuHarness"/>.
/// </summary>
public class ClientOverheadBenchmarks : ClientOverheadPaths
{
    private EmulatorProcess _emulator = null!;
    private string _stateDir = null!;
    private SocketsHttpHandler _bareTransport = null!;
    private SocketsHttpHandler _sdkTransport = null!;

    /// <summary>The emulator the paths call (scheme, host and port), for another client to call as well.</summary>
    internal string EmulatorBaseUrl => _emulator.BaseUrl;

    /// <inheritdoc />
    [GlobalSetup]
    public override async Task SetupAsync()
    {
        _emulator = await EmulatorProcess.StartAsync();
        _stateDir = Directory.CreateTempSubdirectory("rsspot-bench-").FullName;
        var idToken = await _emulator.ExchangeIdTokenAsync();

        _bareTransport = new SocketsHttpHandler();
        Bare = BareClient(_bareTransport, _emulator.BaseUri, idToken);

        // RSSPOT_BENCH_PLAIN_TRANSPORT=1: the handler chain over a default SocketsHttpHandler, as the bare client's,
        // to tell the chain's cost from the transport settings' (connection cap, decompression, connection lifetime).
        _sdkTransport = Environment.GetEnvironmentVariable("RSSPOT_BENCH_PLAIN_TRANSPORT") == "1"
            ? new SocketsHttpHandler()
            : SpotHttpPipeline.CreateTransport(verifyTls: true);
        var tokens = new TokenManager(new EmulatorTokens(_emulator), refreshToken: null, accessToken: idToken);
        var handler = SpotHttpPipeline.CreateApiHandler(tokens, new RetryOptions(), new CacheOptions { Enabled = false }, null, _sdkTransport);
        SdkHandlers = new HttpClient(handler) { BaseAddress = _emulator.BaseUri };

        Client = new SpotClient(SpotClientOptions.Isolated(_emulator.BaseUrl, EmulatorProcess.RefreshToken, EmulatorProcess.OrganizationName, _stateDir) with { NoCache = true });

        await CheckPathsAgreeAsync();
    }

    /// <inheritdoc />
    [GlobalCleanup]
    public override async Task CleanupAsync()
    {
        Bare.Dispose();
        _bareTransport.Dispose();
        SdkHandlers.Dispose();
        _sdkTransport.Dispose();
        await Client.DisposeAsync();
        await _emulator.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    private sealed class EmulatorTokens(EmulatorProcess emulator) : ITokenExchanger
    {
        public Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken) => emulator.ExchangeIdTokenAsync();
    }
}
