using System.Text.Json.Serialization;

namespace Rsspot.Emulator;

/// <summary>
/// Faults the emulator injects into API, OAuth and price-document requests (never into <c>/_emulator</c>).
/// A share (0..1) applies to each matching request at random (seeded, so a run repeats); a count applies to
/// exactly the next N matching requests and is used up as they pass. Order: latency, drop, 429, 5xx.
/// This is also the JSON body of <c>GET/PUT /_emulator/faults</c> (camelCase property names).
/// </summary>
public sealed class FaultSettings
{
    /// <summary>Delay added before each matching request is handled, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Share (0..1) of matching requests answered 429 with <c>Retry-After</c>.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>Number of next matching requests answered 429 with <c>Retry-After</c>.</summary>
    public int RateLimitCount { get; set; }

    /// <summary>Seconds sent in the <c>Retry-After</c> header of a 429. Default 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Share (0..1) of matching requests answered with <see cref="FailStatus"/>.</summary>
    public double FailRate { get; set; }

    /// <summary>Number of next matching requests answered with <see cref="FailStatus"/>.</summary>
    public int FailCount { get; set; }

    /// <summary>Status of injected failures: 500, 502, 503 or 504. Default 503.</summary>
    public int FailStatus { get; set; } = 503;

    /// <summary>Share (0..1) of matching requests whose connection is aborted without a response.</summary>
    public double DropRate { get; set; }

    /// <summary>Number of next matching requests whose connection is aborted without a response.</summary>
    public int DropCount { get; set; }

    /// <summary>Only requests whose path starts with this prefix are affected; null for every path.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>Only requests with this HTTP method are affected; null for every method.</summary>
    public string? Method { get; set; }

    /// <summary>True when no fault is set.</summary>
    [JsonIgnore]
    public bool IsEmpty =>
        LatencyMs == 0 && RateLimitRate == 0 && RateLimitCount == 0 && FailRate == 0 && FailCount == 0
        && DropRate == 0 && DropCount == 0;

    /// <summary>A copy that can be changed without touching this instance.</summary>
    public FaultSettings Clone() => (FaultSettings)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        CheckShare(RateLimitRate, nameof(RateLimitRate));
        CheckShare(FailRate, nameof(FailRate));
        CheckShare(DropRate, nameof(DropRate));
        CheckNotNegative(LatencyMs, nameof(LatencyMs));
        CheckNotNegative(RateLimitCount, nameof(RateLimitCount));
        CheckNotNegative(FailCount, nameof(FailCount));
        CheckNotNegative(DropCount, nameof(DropCount));
        CheckNotNegative(RetryAfterSeconds, nameof(RetryAfterSeconds));
        if (FailStatus is not (500 or 502 or 503 or 504))
        {
            throw new ArgumentException($"{nameof(FailStatus)} must be 500, 502, 503 or 504, not {FailStatus}.", nameof(FailStatus));
        }
    }

    private static void CheckShare(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentException($"{name} must be between 0 and 1, not {value}.", name);
        }
    }

    private static void CheckNotNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentException($"{name} must not be negative, not {value}.", name);
        }
    }
}
