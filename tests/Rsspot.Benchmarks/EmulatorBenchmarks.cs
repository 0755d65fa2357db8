using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Rsspot.Emulator;

namespace Rsspot.Benchmarks;

/// <summary>
/// Requests per second the emulator serves on loopback, so client benchmarks know it is not their bottleneck.
/// Op/s of <see cref="CreateAndDeleteSpotNodePool"/> counts pairs: requests per second are twice that.
/// Run: dotnet run -c Release --project tests/Rsspot.Benchmarks -- --filter *EmulatorBenchmarks* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OperationsPerSecondConfig))]
public class EmulatorBenchmarks
{
    private EmulatorHost _host = null!;
    private HttpClient _http = null!;
    private Uri _listUri = null!;
    private Uri _poolsUri = null!;
    private string _poolsPath = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions());
        _http = new HttpClient { BaseAddress = _host.BaseUri };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _host.CreateIdToken());
        _poolsPath = $"/apis/ngpc.rxt.io/v1/namespaces/{_host.Namespace}/spotnodepools";
        _poolsUri = new Uri(_poolsPath, UriKind.Relative);
        _listUri = new Uri(_poolsPath + "?labelSelector=ngpc.rxt.io/cloudspace=bench", UriKind.Relative);
        await PostAsync($"/apis/ngpc.rxt.io/v1/namespaces/{_host.Namespace}/cloudspaces", """{"metadata":{"name":"bench"},"spec":{"region":"us-central-dfw-1","kubernetesVersion":"1.31.1"}}""");
        for (var i = 0; i < 10; i++)
        {
            await PostAsync(_poolsPath, Pool(Guid.NewGuid().ToString()));
        }
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>GET of a list of ten spot pools selected by label.</summary>
    [Benchmark]
    public async Task<int> ListSpotNodePools()
    {
        using var response = await _http.GetAsync(_listUri);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>POST of a new spot pool, then DELETE of it.</summary>
    [Benchmark]
    public async Task CreateAndDeleteSpotNodePool()
    {
        var name = Guid.NewGuid().ToString();
        await PostAsync(_poolsPath, Pool(name));
        using var deleted = await _http.DeleteAsync(new Uri(_poolsPath + "/" + name, UriKind.Relative));
        deleted.EnsureSuccessStatusCode();
    }

    private static string Pool(string name) =>
        new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["cloudSpace"] = "bench", ["serverClass"] = "gp.vs1.medium-dfw", ["bidPrice"] = "0.50", ["desired"] = 1 },
        }.ToJsonString();

    private async Task PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    private sealed class OperationsPerSecondConfig : ManualConfig
    {
        public OperationsPerSecondConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
