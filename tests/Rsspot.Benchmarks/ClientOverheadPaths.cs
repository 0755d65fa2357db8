using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;

namespace Rsspot.Benchmarks;

/// <summary>
/// The four paths the client-overhead benchmarks compare, each an authenticated GET of the regions list: a bare
/// <see cref="HttpClient"/> with System.Text.Json (the baseline), the SDK's handlers alone (cache off, retry, auth)
/// with the same parse, the Kiota request builder through <see cref="SpotClient"/>, and <c>client.Regions.ListAsync()</c>.
/// Subclasses say what answers the requests. Goal (issue 5): <see cref="SpotClientRegionsList"/> within 1.3× of
/// <see cref="BareHttpClient"/>.
/// </summary>
[MemoryDiagnoser]
public abstract class ClientOverheadPaths
{
    /// <summary>The request every path makes.</summary>
    protected static readonly Uri RegionsUri = new("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The baseline client, with the bearer header set.</summary>
    protected HttpClient Bare { get; set; } = null!;

    /// <summary>An HttpClient over the SDK's handler chain.</summary>
    protected HttpClient SdkHandlers { get; set; } = null!;

    /// <summary>The SDK client.</summary>
    protected SpotClient Client { get; set; } = null!;

    /// <summary>The paths by name, baseline first (for the CPU harness).</summary>
    public (string Name, Func<Task<int>> Call)[] Paths =>
    [
        (nameof(BareHttpClient), BareHttpClient),
        (nameof(SdkHandlersOnly), SdkHandlersOnly),
        (nameof(KiotaRequestBuilder), KiotaRequestBuilder),
        (nameof(SpotClientRegionsList), SpotClientRegionsList),
    ];

    /// <summary>Starts what answers the requests and builds the clients.</summary>
    public abstract Task SetupAsync();

    /// <summary>Disposes the clients and stops what answered.</summary>
    public abstract Task CleanupAsync();

    /// <summary>HttpClient + bearer header + System.Text.Json into a small DTO.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> BareHttpClient() => CountRegionsAsync(Bare);

    /// <summary>The SDK's handler chain (cache off, retry, auth) with the same System.Text.Json parse.</summary>
    [Benchmark]
    public Task<int> SdkHandlersOnly() => CountRegionsAsync(SdkHandlers);

    /// <summary>The generated Kiota request builder through the SpotClient (no service facade).</summary>
    [Benchmark]
    public async Task<int> KiotaRequestBuilder()
    {
        var list = await Client.Api.Apis.NgpcRxtIo.V1.Regions.GetAsync();
        return list?.Items?.Count ?? 0;
    }

    /// <summary><c>client.Regions.ListAsync()</c>: the whole SDK path.</summary>
    [Benchmark]
    public async Task<int> SpotClientRegionsList() => (await Client.Regions.ListAsync()).Count;

    /// <summary>Warms every path once (token, connections, JIT) and checks they agree.</summary>
    protected async Task CheckPathsAgreeAsync()
    {
        var counts = new List<int>();
        foreach (var (_, call) in Paths)
        {
            counts.Add(await call());
        }

        if (counts.Distinct().Count() != 1 || counts[0] == 0)
        {
            throw new InvalidOperationException($"The paths disagree on the region count: {string.Join(", ", counts)}");
        }
    }

    /// <summary>An HttpClient sending <paramref name="idToken"/> as the bearer token, as the baseline does.</summary>
    protected static HttpClient BareClient(HttpMessageHandler handler, Uri baseUri, string idToken)
    {
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", idToken);
        return http;
    }

    /// <summary>The baseline call: GET the regions list, System.Text.Json into the DTOs, count the items.</summary>
    internal static async Task<int> CountRegionsAsync(HttpClient http)
    {
        using var response = await http.GetAsync(RegionsUri, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var list = await JsonSerializer.DeserializeAsync<RegionListDto>(body, Json);
        return list?.Items.Count ?? 0;
    }

    /// <summary>The fields a caller of a region list typically reads (what Kiota's Region model types, too).</summary>
    private sealed record RegionListDto([property: JsonPropertyName("items")] List<RegionDto> Items);

    private sealed record RegionDto(string? ApiVersion, string? Kind, ObjectMetaDto? Metadata, RegionSpecDto? Spec);

    private sealed record ObjectMetaDto(string? Name, string? Uid, string? ResourceVersion, string? CreationTimestamp, Dictionary<string, string>? Labels);

    private sealed record RegionSpecDto(string? Country, string? Description, RegionProviderDto? Provider);

    private sealed record RegionProviderDto(string? ProviderRegionName, string? ProviderType);
}
