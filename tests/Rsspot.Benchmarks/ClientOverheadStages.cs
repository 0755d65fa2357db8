using System.Diagnostics;
using System.Globalization;
using Microsoft.Kiota.Abstractions;
using Rsspot.Generated.Api.Models;
using Rsspot.Serialization;

namespace Rsspot.Benchmarks;

/// <summary>
/// Where the per-call cost of <c>client.Regions.ListAsync()</c> goes, stage by stage, over the in-memory transport of
/// <see cref="ClientOverheadInMemoryBenchmarks"/>: bytes allocated and CPU per call of each stage run alone (the
/// request-builder chain, the request information, the native request, the handler chain with its transport, the
/// parse node over the body, the model mapping), beside the bare HttpClient call and the whole SDK call.
/// Run: dotnet Rsspot.Benchmarks.dll --stages [calls, default 20000]
/// </summary>
internal static class ClientOverheadStages
{
    public static async Task RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var bench = new ClientOverheadInMemoryBenchmarks();
        await bench.SetupAsync();
        try
        {
            var client = bench.SdkClient;
            var adapter = new Rsspot.Http.SpotRequestAdapter(bench.SdkApiHttp, SpotParseNodes.Registry, bench.BaseUri.ToString().TrimEnd('/'));
            var body = bench.Body;
            var factory = new SpotJsonParseNodeFactory();
            var rootForMapping = await factory.GetRootParseNodeAsync("application/json", new MemoryStream(body));
            var stages = new (string Name, Func<Task> Run)[]
            {
                ("bare HttpClient call", () => bench.BareHttpClient()),
                ("request builder chain", () => Sink(client.Api.Apis.NgpcRxtIo.V1.Regions)),
                ("request information", () => Sink(client.Api.Apis.NgpcRxtIo.V1.Regions.ToGetRequestInformation())),
                ("native request", async () =>
                {
                    using var message = await adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(client.Api.Apis.NgpcRxtIo.V1.Regions.ToGetRequestInformation());
                }),
                ("handlers + transport", async () =>
                {
                    using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(bench.BaseUri, "/apis/ngpc.rxt.io/v1/regions"));
                    using var response = await bench.SdkApiHttp.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
                }),
                ("parse node", async () =>
                {
                    using var root = (IDisposable)await factory.GetRootParseNodeAsync("application/json", new MemoryStream(body, writable: false));
                }),
                ("model mapping", () => Sink(rootForMapping.GetObjectValue(RegionList.CreateFromDiscriminatorValue))),
                ("whole SDK call", () => bench.SpotClientRegionsList()),
            };

            foreach (var (_, run) in stages)
            {
                for (var i = 0; i < 2_000; i++)
                {
                    await run();
                }
            }

            Console.WriteLine($"in-memory transport, {calls} calls per stage; per call");
            Console.WriteLine($"{"stage",-24}{"alloc B",10}{"cpu us",9}");
            foreach (var (name, run) in stages)
            {
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Environment.CpuUsage.TotalTime;
                for (var i = 0; i < calls; i++)
                {
                    await run();
                }

                var cpuUs = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / calls;
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / (double)calls;
                Console.WriteLine($"{name,-24}{allocated,10:F0}{cpuUs,9:F2}");
            }

            (rootForMapping as IDisposable)?.Dispose();
            if (args is [_, "types", ..])
            {
                using var sampler = new AllocationSampler();
                foreach (var (name, run) in new[] { stages[0], stages[^1] })
                {
                    sampler.Clear();
                    sampler.Recording = true;
                    for (var i = 0; i < calls; i++)
                    {
                        await run();
                    }

                    sampler.Recording = false;
                    Console.WriteLine($"allocation samples by type, {name}:");
                    foreach (var (type, samples) in sampler.Top(30))
                    {
                        Console.WriteLine($"{samples,8} {type}");
                    }
                }
            }
        }
        finally
        {
            await bench.CleanupAsync();
        }
    }

    private static object? _sink;

    private static Task Sink(object? value)
    {
        _sink = value;
        Debug.Assert(_sink is not null, "stage ran");
        return Task.CompletedTask;
    }
}

/// <summary>Counts the runtime's allocation samples (one per ~100 KB allocated) by type name.</summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _bytes = new();

    public bool Recording { get; set; }

    public IEnumerable<KeyValuePair<string, long>> Top(int count) => _bytes.OrderByDescending(p => p.Value).Take(count);

    public void Clear() => _bytes.Clear();

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (Recording && eventData.EventName == "GCAllocationTick_V4" && eventData.Payload is { } payload)
        {
            var type = eventData.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? payload[i] as string ?? "?" : "?";
            _bytes.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }
}
