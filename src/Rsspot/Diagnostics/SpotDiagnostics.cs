namespace Rsspot.Diagnostics;

/// <summary>
/// Names to subscribe to the SDK's telemetry, e.g. <c>tracing.AddSource(SpotDiagnostics.SourceName)</c> and
/// <c>metrics.AddMeter(SpotDiagnostics.MeterName)</c> with OpenTelemetry.
/// </summary>
public static class SpotDiagnostics
{
    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/>: a span per operation, a child span per HTTP attempt.</summary>
    public const string SourceName = "Rsspot";

    /// <summary>Name of the <see cref="System.Diagnostics.Metrics.Meter"/>: request durations, retries, cache, token refreshes, registrations.</summary>
    public const string MeterName = "Rsspot";

    /// <summary>Span attribute naming the SDK operation, e.g. <c>cloudspaces.create</c>.</summary>
    public const string OperationAttribute = "rsspot.operation";

    /// <summary>Span attribute with the organization namespace an operation works in.</summary>
    public const string NamespaceAttribute = "rsspot.namespace";

    /// <summary>Span attribute with the name of the resource an operation works on.</summary>
    public const string ResourceAttribute = "rsspot.resource.name";
}
