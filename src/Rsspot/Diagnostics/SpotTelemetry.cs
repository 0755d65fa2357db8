using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Rsspot.Diagnostics;

/// <summary>The SDK's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, and the instruments on it.</summary>
internal static class SpotTelemetry
{
    private static readonly string Version =
        typeof(SpotTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(SpotTelemetry).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    public static readonly ActivitySource Source = new(SpotDiagnostics.SourceName, Version);

    public static readonly Meter Meter = new(SpotDiagnostics.MeterName, Version);

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        "rsspot.client.request.duration",
        unit: "s",
        description: "Duration of one HTTP attempt, with the http.client.request.duration attributes.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("rsspot.client.retries", unit: "{retry}", description: "HTTP attempts sent again after a retryable failure.");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("rsspot.client.cache.hits", unit: "{response}", description: "GETs answered from the response cache.");

    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>("rsspot.client.cache.misses", unit: "{response}", description: "Cacheable GETs sent to the API.");

    public static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>("rsspot.client.token.refreshes", unit: "{refresh}", description: "id_token refreshes, with their outcome.");

    public static readonly Counter<long> RegistrationTransitions = Meter.CreateCounter<long>("rsspot.registration.transitions", unit: "{transition}", description: "Registration ledger transitions by target status.");

    /// <summary>Counts one registration transition (called by the registration workflow).</summary>
    public static void RegistrationTransition(string from, string to)
    {
        if (RegistrationTransitions.Enabled)
        {
            RegistrationTransitions.Add(1, new KeyValuePair<string, object?>("rsspot.registration.from", from), new KeyValuePair<string, object?>("rsspot.registration.to", to));
        }
    }

    /// <summary>Records an event on the current span, if anyone records it.</summary>
    public static void Event(string name, string? outcome = null)
    {
        var activity = Activity.Current;
        if (activity is { IsAllDataRequested: true } && activity.Source == Source)
        {
            activity.AddEvent(outcome is null ? new ActivityEvent(name) : new ActivityEvent(name, tags: new ActivityTagsCollection { ["rsspot.outcome"] = outcome }));
        }
    }
}
