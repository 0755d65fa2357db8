using System.Globalization;

namespace Rsspot.Configuration;

/// <summary>
/// Reads the numbers users write in flags, config files and environment variables one way everywhere: ASCII digits
/// with an optional <c>.</c> decimal point, in every locale. A comma (<c>0,05</c> is not five), an exponent
/// (<c>1e-2</c>), a sign, spaces inside, thousands separators and, unless a setting takes USD with a
/// <c>$</c>, a currency sign are refused rather than guessed.
/// </summary>
public static class InvariantNumber
{
    private const int MaxLength = 40;

    /// <summary>Reads a non-negative decimal such as <c>0.05</c> or <c>12</c>; with <paramref name="allowDollar"/> also <c>$0.05</c>.</summary>
    /// <param name="text">The text as written.</param>
    /// <param name="allowDollar">Whether one leading <c>$</c> is allowed (USD amounts).</param>
    /// <param name="value">The number read.</param>
    /// <returns>False when the text is not written as this class describes.</returns>
    public static bool TryParseDecimal(string? text, bool allowDollar, out decimal value)
    {
        value = 0m;
        var span = (text ?? string.Empty).AsSpan().Trim();
        if (allowDollar && span.StartsWith("$", StringComparison.Ordinal))
        {
            span = span[1..];
        }

        if (span.IsEmpty || span.Length > MaxLength)
        {
            return false;
        }

        int dots = 0;
        int digits = 0;
        foreach (char c in span)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return dots <= 1 && digits > 0 && span[^1] != '.'
            && decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Reads a non-negative whole number such as <c>3</c> (no sign, separator or exponent). A number above
    /// <see cref="int.MaxValue"/> (up to 18 digits) reads as <see cref="int.MaxValue"/>, so a range check names it.
    /// </summary>
    /// <param name="text">The text as written.</param>
    /// <param name="value">The number read.</param>
    /// <returns>False when the text is not plain digits.</returns>
    public static bool TryParseInt(string? text, out int value)
    {
        value = 0;
        var span = (text ?? string.Empty).AsSpan().Trim();
        if (span.IsEmpty || span.Length > 18)
        {
            return false;
        }

        foreach (char c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (!long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out long wide))
        {
            return false;
        }

        value = (int)Math.Min(wide, int.MaxValue);
        return true;
    }

    /// <summary>
    /// The one message for a number that cannot be read: <c>--max-hour: '0,05' is not a number; write digits with '.' as
    /// the decimal point, such as 0.05 (no thousands separators, exponents or currency signs).</c>
    /// </summary>
    /// <param name="name">The flag, key or variable, e.g. <c>--max-hour</c>.</param>
    /// <param name="text">The text as written.</param>
    /// <param name="example">A valid value, e.g. <c>0.05</c>.</param>
    /// <param name="allowDollar">Whether the setting takes a leading <c>$</c> (then the message says so).</param>
    public static string Complaint(string name, string? text, string example, bool allowDollar = false) =>
        $"{name}: '{Shorten(text)}' is not a number; write digits with '.' as the decimal point, such as {example} "
        + (allowDollar ? "(a leading $ is allowed; no thousands separators or exponents)." : "(no thousands separators, exponents or currency signs).");

    /// <summary>The one message for a number that reads but is out of range.</summary>
    /// <param name="name">The flag, key or variable.</param>
    /// <param name="text">The text as written.</param>
    /// <param name="range">The allowed range in words, e.g. <c>above 0 and at most 1000000</c>.</param>
    public static string OutOfRange(string name, string? text, string range) =>
        $"{name}: '{Shorten(text)}' is out of range; give a number {range}.";

    private static string Shorten(string? text)
    {
        var value = text ?? string.Empty;
        var clean = new string([.. value.Take(MaxLength).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > MaxLength ? clean + "…" : clean;
    }
}
