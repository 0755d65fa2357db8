using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Rsspot.Diagnostics;

namespace Rsspot.Benchmarks;

/// <summary>
/// <see cref="ClientOverheadBenchmarks"/> with an OpenTelemetry SDK attached: every span sampled and exported to
/// memory, every instrument of the <c>Rsspot</c> meter collected. Compare with the plain class for the cost of
/// being observed. Run: dotnet Rsspot.Benchmarks.dll --filter *ClientOverhead*Benchmarks* --job short
/// </summary>
public class ClientOverheadTracedBenchmarks : ClientOverheadBenchmarks
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private TracerProvider _tracing = null!;
    private MeterProvider _meters = null!;

    /// <inheritdoc />
    /// <remarks>Runs as the base class's [GlobalSetup] (BenchmarkDotNet allows one per class, overrides included).</remarks>
    public override async Task SetupAsync()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(SpotDiagnostics.SourceName).AddInMemoryExporter(_spans).Build();
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(SpotDiagnostics.MeterName).AddInMemoryExporter(_metrics).Build();
        await base.SetupAsync();
    }

    /// <summary>Keeps the exported spans from growing across iterations.</summary>
    [IterationCleanup]
    public void ForgetExported()
    {
        _spans.Clear();
        _metrics.Clear();
    }

    /// <inheritdoc />
    /// <remarks>Runs as the base class's [GlobalCleanup].</remarks>
    public override async Task CleanupAsync()
    {
        await base.CleanupAsync();
        _tracing.Dispose();
        _meters.Dispose();
    }
}
