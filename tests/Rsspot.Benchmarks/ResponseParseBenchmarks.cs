using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Serialization.Json;
using Rsspot.Emulator;
using Rsspot.Generated.Api.Models;
using Rsspot.Serialization;

namespace Rsspot.Benchmarks;

/// <summary>
/// The parse step of <see cref="ClientOverheadBenchmarks"/> alone: the emulator's regions list (bytes fetched once)
/// parsed by Kiota into the generated <see cref="RegionList"/>, by System.Text.Json into a small DTO, and into a
/// JsonDocument (the first step of Kiota's parse), and by the SDK's own parse node (Rsspot.Serialization) into the same
/// <see cref="RegionList"/>. Shows where the SDK's per-call allocations go.
/// Run: dotnet run -c Release --project tests/Rsspot.Benchmarks -- --filter *ResponseParse* --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class ResponseParseBenchmarks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly JsonParseNodeFactory _kiota = new();
    private readonly SpotJsonParseNodeFactory _sdk = new();
    private byte[] _body = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.CreateIdToken());
        _body = await http.GetByteArrayAsync(new Uri("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative));
    }

    [Benchmark(Baseline = true)]
    public int SystemTextJsonDto() => JsonSerializer.Deserialize<RegionListDto>(_body, Json)!.Items.Count;

    [Benchmark]
    public int JsonDocumentOnly()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetProperty("items").GetArrayLength();
    }

    [Benchmark]
    public async Task<int> KiotaRegionList()
    {
        using var stream = new MemoryStream(_body, writable: false);
        var node = await _kiota.GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(RegionList.CreateFromDiscriminatorValue).Items?.Count ?? 0;
    }

    [Benchmark]
    public async Task<int> SdkRegionList()
    {
        using var stream = new MemoryStream(_body, writable: false);
        var node = await _sdk.GetRootParseNodeAsync("application/json", stream);
        using var release = (IDisposable)node;
        return node.GetObjectValue(RegionList.CreateFromDiscriminatorValue).Items?.Count ?? 0;
    }

    private sealed record RegionListDto(List<RegionDto> Items);

    private sealed record RegionDto(string? ApiVersion, string? Kind, ObjectMetaDto? Metadata, RegionSpecDto? Spec);

    private sealed record ObjectMetaDto(string? Name, string? Uid, string? ResourceVersion, string? CreationTimestamp, Dictionary<string, string>? Labels);

    private sealed record RegionSpecDto(string? Country, string? Description, RegionProviderDto? Provider);

    private sealed record RegionProviderDto(string? ProviderRegionName, string? ProviderType);
}
