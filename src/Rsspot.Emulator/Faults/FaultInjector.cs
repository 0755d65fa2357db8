namespace Rsspot.Emulator.Faults;

/// <summary>
/// Holds the faults in force and decides, request by request, which one applies. Counts are used up
/// first, under a lock, so "fail the next N" is exact under concurrency; shares draw from a seeded generator.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(20240611);
    private FaultSettings _settings;

    public FaultInjector(FaultSettings? initial) => _settings = initial?.Clone() ?? new FaultSettings();

    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _settings.Clone();
            }
        }
    }

    public void Set(FaultSettings settings)
    {
        settings.Validate();
        lock (_gate)
        {
            _settings = settings.Clone();
        }
    }

    public FaultDecision Decide(string method, string path)
    {
        lock (_gate)
        {
            var s = _settings;
            if (s.IsEmpty || !Applies(s, method, path))
            {
                return default;
            }

            if (s.DropCount > 0)
            {
                s.DropCount--;
                return new FaultDecision(s.LatencyMs, FaultAction.Drop, 0, 0);
            }

            if (s.RateLimitCount > 0)
            {
                s.RateLimitCount--;
                return new FaultDecision(s.LatencyMs, FaultAction.RateLimit, 429, s.RetryAfterSeconds);
            }

            if (s.FailCount > 0)
            {
                s.FailCount--;
                return new FaultDecision(s.LatencyMs, FaultAction.Fail, s.FailStatus, 0);
            }

            if (Draw(s.DropRate))
            {
                return new FaultDecision(s.LatencyMs, FaultAction.Drop, 0, 0);
            }

            if (Draw(s.RateLimitRate))
            {
                return new FaultDecision(s.LatencyMs, FaultAction.RateLimit, 429, s.RetryAfterSeconds);
            }

            if (Draw(s.FailRate))
            {
                return new FaultDecision(s.LatencyMs, FaultAction.Fail, s.FailStatus, 0);
            }

            return new FaultDecision(s.LatencyMs, FaultAction.None, 0, 0);
        }
    }

    private static bool Applies(FaultSettings s, string method, string path) =>
        (string.IsNullOrEmpty(s.Method) || string.Equals(s.Method, method, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(s.PathPrefix) || path.StartsWith(s.PathPrefix, StringComparison.Ordinal));

    private bool Draw(double share) => share > 0 && _random.NextDouble() < share;
}
