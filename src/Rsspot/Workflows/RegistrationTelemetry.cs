using System.Diagnostics.Metrics;
using Rsspot.Diagnostics;

namespace Rsspot.Workflows;

/// <summary>The <c>rsspot.registration.*</c> instruments a controller's operator watches (on the SDK's meter).</summary>
internal static class RegistrationTelemetry
{
    public const string ComponentTag = "rsspot.registration.component";

    public static readonly Counter<long> Outages = SpotTelemetry.Meter.CreateCounter<long>(
        "rsspot.registration.outages", unit: "{outage}", description: "Outages of the ledger, the external system or the Spot API, counted when each begins.");

    public static readonly UpDownCounter<long> ActiveOutages = SpotTelemetry.Meter.CreateUpDownCounter<long>(
        "rsspot.registration.outages.active", unit: "{outage}", description: "Outages going on now (1 per component while it is out).");

    public static readonly Histogram<double> Backoff = SpotTelemetry.Meter.CreateHistogram<double>(
        "rsspot.registration.backoff", unit: "s", description: "Waits chosen after a failure: per component during an outage, and per VM (component vm) before its next attempt.");

    public static readonly Counter<long> LeaseLosses = SpotTelemetry.Meter.CreateCounter<long>(
        "rsspot.registration.lease_losses", unit: "{claim}", description: "Claims a worker found taken over or released before it acted (it made no external call for them).");

    public static readonly Counter<long> ForeignDuplicates = SpotTelemetry.Meter.CreateCounter<long>(
        "rsspot.registration.foreign_duplicates", unit: "{answer}", description: "Duplicate answers from the external system for VMs this ledger had not submitted (a second ledger, or someone else registering).");

    public static KeyValuePair<string, object?> Component(string component) => new(ComponentTag, component);
}
