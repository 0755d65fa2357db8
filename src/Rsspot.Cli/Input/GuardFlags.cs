using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Pricing;

namespace Rsspot.Cli.Input;

/// <summary>Parses the bid guard's flag values; a bad value is a usage error naming the flag.</summary>
internal static class GuardFlags
{
    /// <summary>USD per hour (<c>0.12</c>, <c>$0.12</c>), above 0 and at most 1,000,000; null when the flag is absent.</summary>
    public static decimal? Usd(string flag, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return PriceText.ParseUsd(text) is { } value && value > 0m && value <= 1_000_000m
            ? value
            : throw new CliUsageException($"{flag}: '{text}' is invalid; give a USD amount above 0, such as 0.12.");
    }

    /// <summary>A percentage (<c>10%</c> or <c>10</c>) from 0 to 1000, as a share (0.10).</summary>
    public static decimal Percent(string flag, string text)
    {
        var digits = text.Trim().TrimEnd('%').Trim();
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 1000m
            ? percent / 100m
            : throw new CliUsageException($"{flag}: '{text}' is invalid; give a percentage from 0 to 1000, such as 10%.");
    }

    /// <summary>20, 50 or 80.</summary>
    public static int Percentile(string flag, string text) => text.Trim() switch
    {
        "20" => 20,
        "50" => 50,
        "80" => 80,
        _ => throw new CliUsageException($"{flag}: '{text}' is invalid; give 20, 50 or 80."),
    };

    /// <summary>Whole seconds from 1 to one day.</summary>
    public static TimeSpan Seconds(string flag, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new CliUsageException($"{flag}: '{text}' is invalid; give whole seconds from 1 to 86400.");
}
