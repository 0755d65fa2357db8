namespace Rsspot.Configuration;

/// <summary>
/// The ranges of the numeric settings (config keys, environment variables and the matching flags): a value outside
/// is refused with the setting's name instead of overflowing or being silently changed.
/// </summary>
public static class SettingRanges
{
    /// <summary>The shortest request timeout, in seconds (10 ms).</summary>
    public const double MinTimeoutSeconds = 0.01;

    /// <summary>The longest request timeout, in seconds (one day).</summary>
    public const double MaxTimeoutSeconds = 86_400;

    /// <summary>The most retries of one request.</summary>
    public const int MaxRetries = 100;

    /// <summary>The longest retry delay (base, maximum, jitter or backoff factor), in seconds (one hour).</summary>
    public const double MaxDelaySeconds = 3_600;

    /// <summary>The longest cache time to live, in seconds (one year).</summary>
    public const double MaxTtlSeconds = 31_536_000;

    /// <summary>The most cache entries.</summary>
    public const int MaxCacheEntries = 1_000_000;
}
