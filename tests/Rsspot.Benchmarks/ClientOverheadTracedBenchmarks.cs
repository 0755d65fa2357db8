using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Rsspot.Diagnostics;

namespace Rsspot.Benchmarks;

/// <summary>
/// <see cref="ClientOverheadBenchmarks"/> with an OpenTelemetry SDK attached: every span sampled and handed to an
/// exporter as it ends, every instrument of the <c>Rsspot</c> meter collected. Compare with the plain class for the
/// cost of being observed. The span exporter only counts (an in-memory list would grow across millions of calls and
/// an iteration clean-up would force one call per iteration).
/// Run: dotnet Rsspot.Benchmarks.dll --filter *ClientOverheadBenchmarks* *ClientOverheadTracedBenchmarks* --job short
/// </summary>
public class ClientOverheadTracedBenchmarks : ClientOverheadBenchmarks
{
    private readonly List<Metric> _metrics = [];
    private readonly CountingExporter _spans = new();
    private TracerProvider _tracing = null!;
    private MeterProvider _meters = null!;

    /// <inheritdoc />
    /// <remarks>Runs as the base class's [GlobalSetup] (BenchmarkDotNet allows one per class, overrides included).</remarks>
    public override async Task SetupAsync()
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(SpotDiagnostics.SourceName)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new SimpleActivityExportProcessor(_spans))
            .Build();
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(SpotDiagnostics.MeterName).AddInMemoryExporter(_metrics).Build();
        await base.SetupAsync();
        if (_spans.Count == 0)
        {
            throw new InvalidOperationException("No span reached the exporter: the traced benchmark would measure nothing.");
        }
    }

    /// <inheritdoc />
    /// <remarks>Runs as the base class's [GlobalCleanup].</remarks>
    public override async Task CleanupAsync()
    {
        await base.CleanupAsync();
        _tracing.Dispose();
        _meters.Dispose();
    }

    /// <summary>An exporter that counts the spans it is given and keeps none.</summary>
    private sealed class CountingExporter : BaseExporter<Activity>
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override ExportResult Export(in Batch<Activity> batch)
        {
            Interlocked.Add(ref _count, batch.Count);
            return ExportResult.Success;
        }
    }
}
