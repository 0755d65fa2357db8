using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Rsspot.Auth;
using Rsspot.Configuration;
using Rsspot.Http;

namespace Rsspot.Benchmarks;

/// <summary>
/// The <see cref="ClientOverheadPaths"/> over an in-memory transport that answers every request with the emulator's
/// regions list (fetched once): no sockets, no server, so the time is the client's CPU alone and stable on a busy
/// machine. The same bytes, the same parse targets.
/// Run: dotnet Rsspot.Benchmarks.dll --filter *ClientOverheadInMemory* --job short
/// </summary>
public class ClientOverheadInMemoryBenchmarks : ClientOverheadPaths
{
    private string _stateDir = null!;
    private CannedTransport _transport = null!;

    /// <summary>The SDK client (for the stage profile).</summary>
    internal SpotClient SdkClient => Client;

    /// <summary>The handler chain alone (for the stage profile).</summary>
    internal HttpClient SdkApiHttp => SdkHandlers;

    /// <summary>The regions list every request is answered with.</summary>
    internal byte[] Body => _transport.Body;

    /// <summary>The address the clients send to (answered in memory).</summary>
    internal Uri BaseUri { get; } = new("http://127.0.0.1:5080");

    /// <inheritdoc />
    [GlobalSetup]
    public override async Task SetupAsync()
    {
        string idToken;
        await using (var emulator = await Emulator.EmulatorHost.StartAsync(new Emulator.EmulatorOptions()))
        {
            idToken = emulator.CreateIdToken();
            using var handler = new SocketsHttpHandler();
            using var http = BareClient(handler, emulator.BaseUri, idToken);
            _transport = new CannedTransport(await http.GetByteArrayAsync(RegionsUri));
        }

        _stateDir = Directory.CreateTempSubdirectory("rsspot-bench-").FullName;
        const string baseUrl = "http://127.0.0.1:5080";
        Bare = BareClient(_transport, new Uri(baseUrl), idToken);
        var tokens = new TokenManager(new NoTokens(), refreshToken: null, accessToken: idToken);
        var sdkHandler = SpotHttpPipeline.CreateApiHandler(tokens, new RetryOptions(), new CacheOptions { Enabled = false }, null, _transport);
        SdkHandlers = new HttpClient(sdkHandler, disposeHandler: false) { BaseAddress = new Uri(baseUrl) };
        Client = new SpotClient(new SpotClientOptions
        {
            Config = new RsspotConfig(),
            Environment = new Dictionary<string, string>(),
            HomeDirectory = _stateDir,
            StatePath = Path.Combine(_stateDir, "state.db"),
            BaseUrl = baseUrl,
            OAuthUrl = baseUrl,
            PriceDataUrl = baseUrl,
            AccessToken = idToken,
            NoCache = true,
            Transport = _transport,
        });

        await CheckPathsAgreeAsync();
    }

    /// <inheritdoc />
    [GlobalCleanup]
    public override async Task CleanupAsync()
    {
        Bare.Dispose();
        SdkHandlers.Dispose();
        await Client.DisposeAsync();
        _transport.Dispose();
        Directory.Delete(_stateDir, recursive: true);
    }

    private sealed class NoTokens : ITokenExchanger
    {
        public Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The benchmark's id_token does not expire during a run.");
    }

    /// <summary>Answers every request with the same JSON body, as a server's socket would hand it over: a fresh stream each time.</summary>
    private sealed class CannedTransport(byte[] body) : HttpMessageHandler
    {
        public byte[] Body => body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = body.Length;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
