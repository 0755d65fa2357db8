using System.Globalization;

namespace Rsspot.State;

/// <summary>
/// Timestamps as stored in state.db. The tables shared with the Python rsspot keep Unix epoch seconds as REAL
/// (its <c>time.time()</c>), kept here to the microsecond so a value read back equals the value written. The
/// tables of this tool alone (bid changes) keep fixed-width UTC text, so text order is time order.
/// </summary>
internal static class StateTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const double MicrosecondsPerSecond = 1_000_000d;
    private static readonly long MinMicroseconds = (DateTimeOffset.MinValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
    private static readonly long MaxMicroseconds = (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static string ToText(DateTimeOffset value)
    {
        return value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset FromText(string text)
    {
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    public static DateTimeOffset? FromNullableText(object? value)
    {
        return value is string text ? FromText(text) : null;
    }

    /// <summary>The time to the microsecond, in UTC: what <see cref="FromEpoch"/> gives back for <see cref="ToEpoch"/>.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        return new DateTimeOffset(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
    }

    /// <summary>Unix epoch seconds, to the microsecond.</summary>
    public static double ToEpoch(DateTimeOffset value)
    {
        long microseconds = (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return microseconds / MicrosecondsPerSecond;
    }

    /// <summary>
    /// Unix epoch seconds back to a time, rounded to the microsecond. A value no clock can give (NaN, infinite,
    /// outside years 1-9999) reads as the nearest representable time rather than failing the whole read.
    /// </summary>
    public static DateTimeOffset FromEpoch(double seconds)
    {
        double microseconds = double.IsNaN(seconds) ? 0 : Math.Round(seconds * MicrosecondsPerSecond);
        long clamped = microseconds <= MinMicroseconds ? MinMicroseconds : microseconds >= MaxMicroseconds ? MaxMicroseconds : (long)microseconds;
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (clamped * 10), TimeSpan.Zero);
    }

    public static DateTimeOffset? FromNullableEpoch(object? value)
    {
        return value switch
        {
            double d => FromEpoch(d),
            long l => FromEpoch(l),
            _ => null,
        };
    }

    /// <summary>Converts this tool's earlier text timestamps (schema versions 1-3) to epoch seconds; null stays null.</summary>
    public static double? TextToEpoch(string? text)
    {
        return text is null ? null : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? ToEpoch(value) : null;
    }
}
