using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Rsspot.Auth;
using Rsspot.Configuration;
using Rsspot.Http;

namespace Rsspot.Benchmarks;

/// <summary>
/// Per-call cost of <see cref="SpotClient"/> over a bare <see cref="HttpClient"/> doing the same authenticated GET
/// of the regions list and parsing it with System.Text.Json, against the emulator (its own process, so allocations are the client's only) on loopback (cache off, so every
/// call reaches the server). The two middle rows split the overhead: the SDK's handlers alone (cache, retry,
/// auth) with the same System.Text.Json parse, then the Kiota request builder without the service facade.
/// Goal (issue 5): <see cref="SpotClientRegionsList"/> within 1.3× of <see cref="BareHttpClient"/>.
/// Run: dotnet run -c Release --project tests/Rsspot.Benchmarks -- --filter *ClientOverhead* --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private static readonly Uri RegionsUri = new("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private EmulatorProcess _emulator = null!;
    private string _stateDir = null!;
    private HttpClient _bare = null!;
    private SocketsHttpHandler _sdkTransport = null!;
    private HttpClient _sdkHandlers = null!;
    private SpotClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await EmulatorProcess.StartAsync();
        _stateDir = Directory.CreateTempSubdirectory("rsspot-bench-").FullName;
        var idToken = await _emulator.ExchangeIdTokenAsync();

        _bare = new HttpClient { BaseAddress = _emulator.BaseUri };
        _bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", idToken);

        _sdkTransport = SpotHttpPipeline.CreateTransport(verifyTls: true);
        var tokens = new TokenManager(new EmulatorTokens(_emulator), refreshToken: null, accessToken: idToken);
        var handler = SpotHttpPipeline.CreateApiHandler(tokens, new RetryOptions(), new CacheOptions { Enabled = false }, null, _sdkTransport);
        _sdkHandlers = new HttpClient(handler) { BaseAddress = _emulator.BaseUri };

        _client = new SpotClient(new SpotClientOptions
        {
            Config = new RsspotConfig(),
            Environment = new Dictionary<string, string>(),
            HomeDirectory = _stateDir,
            StatePath = Path.Combine(_stateDir, "state.db"),
            BaseUrl = _emulator.BaseUrl,
            OAuthUrl = _emulator.BaseUrl,
            PriceDataUrl = _emulator.BaseUrl,
            RefreshToken = EmulatorProcess.RefreshToken,
            Org = EmulatorProcess.OrganizationName,
            NoCache = true,
        });

        // Warm every path once (token exchange, connections, JIT) and check they agree.
        var counts = new[] { await BareHttpClient(), await SdkHandlersOnly(), await KiotaRequestBuilder(), await SpotClientRegionsList() };
        if (counts.Distinct().Count() != 1 || counts[0] == 0)
        {
            throw new InvalidOperationException($"The paths disagree on the region count: {string.Join(", ", counts)}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _bare.Dispose();
        _sdkHandlers.Dispose();
        _sdkTransport.Dispose();
        await _client.DisposeAsync();
        await _emulator.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    /// <summary>HttpClient + bearer header + System.Text.Json into a small DTO.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> BareHttpClient()
    {
        using var response = await _bare.GetAsync(RegionsUri, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var list = await JsonSerializer.DeserializeAsync<RegionListDto>(body, Json);
        return list?.Items.Count ?? 0;
    }

    /// <summary>The SDK's handler chain (cache off, retry, auth) with the same System.Text.Json parse.</summary>
    [Benchmark]
    public async Task<int> SdkHandlersOnly()
    {
        using var response = await _sdkHandlers.GetAsync(RegionsUri, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var list = await JsonSerializer.DeserializeAsync<RegionListDto>(body, Json);
        return list?.Items.Count ?? 0;
    }

    /// <summary>The generated Kiota request builder through the SpotClient (no service facade).</summary>
    [Benchmark]
    public async Task<int> KiotaRequestBuilder()
    {
        var list = await _client.Api.Apis.NgpcRxtIo.V1.Regions.GetAsync();
        return list?.Items?.Count ?? 0;
    }

    /// <summary><c>client.Regions.ListAsync()</c>: the whole SDK path.</summary>
    [Benchmark]
    public async Task<int> SpotClientRegionsList() => (await _client.Regions.ListAsync()).Count;

    private sealed class EmulatorTokens(EmulatorProcess emulator) : ITokenExchanger
    {
        public Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken) => emulator.ExchangeIdTokenAsync();
    }

    /// <summary>The fields a caller of a region list typically reads (what Kiota's Region model types, too).</summary>
    private sealed record RegionListDto([property: JsonPropertyName("items")] List<RegionDto> Items);

    private sealed record RegionDto(string? ApiVersion, string? Kind, ObjectMetaDto? Metadata, RegionSpecDto? Spec);

    private sealed record ObjectMetaDto(string? Name, string? Uid, string? ResourceVersion, string? CreationTimestamp, Dictionary<string, string>? Labels);

    private sealed record RegionSpecDto(string? Country, string? Description, RegionProviderDto? Provider);

    private sealed record RegionProviderDto(string? ProviderRegionName, string? ProviderType);
}
