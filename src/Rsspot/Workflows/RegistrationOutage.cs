namespace Rsspot.Workflows;

/// <summary>
/// One component a controller depends on (the ledger, the external system, the Spot API) and whether it is out:
/// <see cref="Fail"/> after each failed call returns how long to wait (exponential from
/// <see cref="FirstDelay"/> to <see cref="MaxDelay"/>, each wait between half and all of that, at random), and
/// <see cref="Recover"/> after the next success ends the outage. The first failure of an outage and the recovery
/// are what a controller logs (one line each); the <c>rsspot.registration.outages</c>,
/// <c>rsspot.registration.outages.active</c> and <c>rsspot.registration.backoff</c> metrics follow it.
/// Not thread-safe: one per loop.
/// </summary>
/// <param name="component">The component's name, e.g. <c>ledger</c> (a metric tag and a log word).</param>
/// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
public sealed class RegistrationOutage(string component, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The first wait (before jitter): 0.5 s.</summary>
    public static TimeSpan FirstDelay { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait (before jitter): 10 s, so a controller is back within 10 s of its ledger.</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The component's name.</summary>
    public string Component { get; } = component ?? throw new ArgumentNullException(nameof(component));

    /// <summary>Whether the component is out now.</summary>
    public bool IsActive => Since is not null;

    /// <summary>When the current outage began.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>Failures in the current outage.</summary>
    public int Failures { get; private set; }

    /// <summary>Records a failure; the first one begins an outage.</summary>
    /// <returns>How long to wait before trying again.</returns>
    public TimeSpan Fail()
    {
        if (Since is null)
        {
            Since = _time.GetUtcNow();
            RegistrationTelemetry.Outages.Add(1, RegistrationTelemetry.Component(Component));
            RegistrationTelemetry.ActiveOutages.Add(1, RegistrationTelemetry.Component(Component));
        }

        Failures++;
        double full = Math.Min(MaxDelay.TotalSeconds, FirstDelay.TotalSeconds * Math.Pow(2, Math.Min(Failures - 1, 30)));
        var delay = TimeSpan.FromSeconds(full * (0.5 + (0.5 * Random.Shared.NextDouble())));
        RegistrationTelemetry.Backoff.Record(delay.TotalSeconds, RegistrationTelemetry.Component(Component));
        return delay;
    }

    /// <summary>Records a success; ends the outage if there was one.</summary>
    /// <returns>How long the outage lasted, or <see langword="null"/> when there was none.</returns>
    public TimeSpan? Recover()
    {
        if (Since is not { } since)
        {
            return null;
        }

        Since = null;
        Failures = 0;
        RegistrationTelemetry.ActiveOutages.Add(-1, RegistrationTelemetry.Component(Component));
        return _time.GetUtcNow() - since;
    }
}
