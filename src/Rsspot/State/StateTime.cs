using System.Globalization;

namespace Rsspot.State;

/// <summary>
/// Timestamps as stored in state.db: UTC text with a fixed width, so that text order is time order and
/// SQL comparisons work.
/// </summary>
internal static class StateTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

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
}
