using System.Diagnostics;
using System.Globalization;
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
/// Client CPU per call (the emulator's work excluded): <c>dotnet Rsspot.Benchmarks.dll --cpu</c>, see <see cref="ClientOverheadCpuHarness"/>.
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

/// <summary>
/// Runs the <see cref="ClientOverheadBenchmarks"/> paths against the emulator in small interleaved batches (the order
/// rotating each round) and reports per call: wall time, CPU time of this process (the client's only: the emulator
/// runs in its own process; socket system calls, GC and thread-pool work included) and bytes allocated. Means are
/// totals over all rounds divided by calls; "med x" is the median over rounds of each round's ratio to
/// <see cref="ClientOverheadBenchmarks.BareHttpClient"/>, so load from other processes, which comes and goes, hits
/// both sides of a ratio alike.
/// Idle thread-pool workers spin before sleeping, which counts as CPU and grows with wall time on a busy machine:
/// DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 leaves it out.
/// Run: dotnet Rsspot.Benchmarks.dll --cpu [memory] [calls per batch, default 25] [rounds, default 80]
/// </summary>
internal static class ClientOverheadCpuHarness
{
    public static async Task RunAsync(string[] args)
    {
        var inMemory = args is ["memory", ..];
        args = inMemory ? args[1..] : args;
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 25;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 80;
        if (inMemory)
        {
            var bench = new ClientOverheadInMemoryBenchmarks();
            await bench.SetupAsync();
            try
            {
                await MeasureAsync(calls, rounds, "in-memory transport", [
                    (nameof(bench.BareHttpClient), bench.BareHttpClient),
                    (nameof(bench.SdkHandlersOnly), bench.SdkHandlersOnly),
                    (nameof(bench.KiotaRequestBuilder), bench.KiotaRequestBuilder),
                    (nameof(bench.SpotClientRegionsList), bench.SpotClientRegionsList),
                ]);
            }
            finally
            {
                await bench.CleanupAsync();
            }
        }
        else
        {
            var bench = new ClientOverheadBenchmarks();
            await bench.SetupAsync();
            try
            {
                await MeasureAsync(calls, rounds, "emulator on loopback", [
                    (nameof(bench.BareHttpClient), bench.BareHttpClient),
                    (nameof(bench.SdkHandlersOnly), bench.SdkHandlersOnly),
                    (nameof(bench.KiotaRequestBuilder), bench.KiotaRequestBuilder),
                    (nameof(bench.SpotClientRegionsList), bench.SpotClientRegionsList),
                ]);
            }
            finally
            {
                await bench.CleanupAsync();
            }
        }
    }

    private static async Task MeasureAsync(int calls, int rounds, string against, (string Name, Func<Task<int>> Call)[] paths)
    {
        // Warm-up: JIT tiers, connection pools, token.
        for (var i = 0; i < 20; i++)
        {
            foreach (var (_, call) in paths)
            {
                await Batch(call, 50);
            }
        }

        var samples = paths.Select(_ => new List<Sample>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < paths.Length; i++)
            {
                var p = (i + round) % paths.Length;
                samples[p].Add(await Batch(paths[p].Call, calls));
            }
        }

        Console.WriteLine($"{against}: {calls} calls x {rounds} rounds per path, interleaved; per call: means, and the median of per-round ratios to {paths[0].Name}");
        Console.WriteLine($"{"path",-24}{"wall us",9}{"cpu us",9}{"alloc B",9}{"wall x",8}{"cpu x",8}{"alloc x",8}{"med wall x",11}{"med cpu x",10}");
        var bare = samples[0];
        for (var p = 0; p < paths.Length; p++)
        {
            var s = samples[p];
            static double Mean(Func<Sample, double> f, List<Sample> of) => of.Sum(f) / of.Count;
            Console.WriteLine(
                $"{paths[p].Name,-24}{Mean(x => x.WallUs, s),9:F1}{Mean(x => x.CpuUs, s),9:F1}{Mean(x => x.Bytes, s),9:F0}"
                + $"{Mean(x => x.WallUs, s) / Mean(x => x.WallUs, bare),8:F2}{Mean(x => x.CpuUs, s) / Mean(x => x.CpuUs, bare),8:F2}{Mean(x => x.Bytes, s) / Mean(x => x.Bytes, bare),8:F2}"
                + $"{Median(s.Select((x, r) => x.WallUs / bare[r].WallUs)),11:F2}{Median(s.Select((x, r) => x.CpuUs / bare[r].CpuUs)),10:F2}");
        }
    }

    private static async Task<Sample> Batch(Func<Task<int>> call, int calls)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var elapsed = Stopwatch.GetElapsedTime(wall);
        var cpuUsed = Environment.CpuUsage.TotalTime - cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return new Sample(elapsed.TotalMicroseconds / calls, cpuUsed.TotalMicroseconds / calls, (double)allocated / calls);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private readonly record struct Sample(double WallUs, double CpuUs, double Bytes);
}

/// <summary>
/// The paths of <see cref="ClientOverheadBenchmarks"/> over an in-memory transport that answers every request with
/// the emulator's regions list (fetched once): no sockets, no server, so the time is the client's CPU alone and
/// stable on a busy machine. The same bytes, the same parse targets.
/// Run: dotnet Rsspot.Benchmarks.dll --filter *ClientOverheadInMemory* --job short
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadInMemoryBenchmarks
{
    private static readonly Uri RegionsUri = new("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string _stateDir = null!;
    private CannedTransport _transport = null!;
    private HttpClient _bare = null!;
    private HttpClient _sdkHandlers = null!;
    private SpotClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        string idToken;
        await using (var emulator = await Emulator.EmulatorHost.StartAsync(new Emulator.EmulatorOptions()))
        {
            idToken = emulator.CreateIdToken();
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", idToken);
            _transport = new CannedTransport(await http.GetByteArrayAsync(RegionsUri));
        }

        _stateDir = Directory.CreateTempSubdirectory("rsspot-bench-").FullName;
        const string baseUrl = "http://127.0.0.1:5080";
        _bare = new HttpClient(_transport, disposeHandler: false) { BaseAddress = new Uri(baseUrl) };
        _bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", idToken);
        var tokens = new TokenManager(new NoTokens(), refreshToken: null, accessToken: idToken);
        var handler = SpotHttpPipeline.CreateApiHandler(tokens, new RetryOptions(), new CacheOptions { Enabled = false }, null, _transport);
        _sdkHandlers = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(baseUrl) };
        _client = new SpotClient(new SpotClientOptions
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
        await _client.DisposeAsync();
        _transport.Dispose();
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

    private sealed class NoTokens : ITokenExchanger
    {
        public Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The benchmark's id_token does not expire during a run.");
    }

    /// <summary>Answers every request with the same JSON body, as a server's socket would hand it over: a fresh stream each time.</summary>
    private sealed class CannedTransport(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = body.Length;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private sealed record RegionListDto([property: JsonPropertyName("items")] List<RegionDto> Items);

    private sealed record RegionDto(string? ApiVersion, string? Kind, ObjectMetaDto? Metadata, RegionSpecDto? Spec);

    private sealed record ObjectMetaDto(string? Name, string? Uid, string? ResourceVersion, string? CreationTimestamp, Dictionary<string, string>? Labels);

    private sealed record RegionSpecDto(string? Country, string? Description, RegionProviderDto? Provider);

    private sealed record RegionProviderDto(string? ProviderRegionName, string? ProviderType);
}
