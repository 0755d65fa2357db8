using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Configuration;

namespace Rsspot.Cli.Input;

/// <summary>
/// Parses money and count flags (the bid guard's, the pricing builder's, node pool counts) with <see cref="InvariantNumber"/>:
/// a bad value is a usage error naming the flag, in one message style.
/// </summary>
internal static class GuardFlags
{
    /// <summary>The largest USD amount a money flag takes.</summary>
    public const decimal MaxUsd = 1_000_000m;

    /// <summary>USD per hour (<c>0.12</c>, <c>$0.12</c>), above 0 and at most 1,000,000; null when the flag is absent.</summary>
    public static decimal? Usd(string flag, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!InvariantNumber.TryParseDecimal(text, allowDollar: true, out var value))
        {
            throw new CliUsageException(InvariantNumber.Complaint(flag, text, "0.12", allowDollar: true));
        }

        return value is > 0m and <= MaxUsd ? value : throw new CliUsageException(InvariantNumber.OutOfRange(flag, text, "above 0 and at most 1000000 (USD)"));
    }

    /// <summary>Like <see cref="Usd"/> but 0 is allowed (lower bounds such as <c>--min-hour</c>).</summary>
    public static decimal? UsdOrZero(string flag, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!InvariantNumber.TryParseDecimal(text, allowDollar: true, out var value))
        {
            throw new CliUsageException(InvariantNumber.Complaint(flag, text, "0.12", allowDollar: true));
        }

        return value <= MaxUsd ? value : throw new CliUsageException(InvariantNumber.OutOfRange(flag, text, "from 0 to 1000000 (USD)"));
    }

    /// <summary>A plain decimal such as <c>4</c> or <c>7.5</c> (vCPU, GB) from 0 to <paramref name="max"/>; null when absent.</summary>
    public static decimal? Amount(string flag, string? text, decimal max)
    {
        if (text is null)
        {
            return null;
        }

        if (!InvariantNumber.TryParseDecimal(text, allowDollar: false, out var value))
        {
            throw new CliUsageException(InvariantNumber.Complaint(flag, text, "4"));
        }

        return value <= max ? value : throw new CliUsageException(InvariantNumber.OutOfRange(flag, text, FormattableString.Invariant($"from 0 to {max}")));
    }

    /// <summary>A whole count from <paramref name="min"/> to <paramref name="max"/>; null when absent.</summary>
    public static int? Count(string flag, string? text, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        if (!InvariantNumber.TryParseInt(text, out var value))
        {
            throw new CliUsageException(InvariantNumber.Complaint(flag, text, "3").Replace("with '.' as the decimal point", "as a whole number", StringComparison.Ordinal));
        }

        return value >= min && value <= max ? value : throw new CliUsageException(InvariantNumber.OutOfRange(flag, text, FormattableString.Invariant($"from {min} to {max}")));
    }

    /// <summary>A percentage (<c>10%</c> or <c>10</c>) from 0 to 1000, as a share (0.10).</summary>
    public static decimal Percent(string flag, string text)
    {
        var digits = text.Trim();
        digits = digits.EndsWith('%') ? digits[..^1] : digits;
        if (!InvariantNumber.TryParseDecimal(digits, allowDollar: false, out var percent))
        {
            throw new CliUsageException(InvariantNumber.Complaint(flag, text, "10%"));
        }

        return percent <= 1000m ? percent / 100m : throw new CliUsageException(InvariantNumber.OutOfRange(flag, text, "from 0 to 1000 (percent)"));
    }

    /// <summary>The SDK's refusal of a bid above its ceiling, with the flag that raises it.</summary>
    public static CliUsageException CeilingRefusal(BidCeilingException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var message = refusal.ParamName is { } param ? refusal.Message.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal) : refusal.Message;
        return new CliUsageException($"{message} On the command line: --max-bid.");
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
