using System.Globalization;
using System.Text.RegularExpressions;

namespace Rsspot.Pricing;

/// <summary>
/// Lenient parsers for the text the Spot API uses for prices, CPU counts and memory sizes.
/// Text that cannot be read (empty, <c>N/A</c>, garbage) gives null, meaning "unknown": never 0, never an exception.
/// </summary>
public static partial class PriceText
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>Reads a USD amount such as <c>0.0123</c>, <c>$0.009</c>, <c>0.01 USD</c> or <c>$0.01/hr</c>.</summary>
    /// <returns>The amount, or null when the text is empty or not a non-negative number.</returns>
    public static decimal? ParseUsd(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Match match = UsdPattern().Match(text);
        return match.Success ? ParseNumber(match.Groups["n"].Value) : null;
    }

    /// <summary>Reads a CPU count such as <c>2</c>, <c>2 vCPU</c>, <c>16 cores</c> or the Kubernetes form <c>500m</c>.</summary>
    /// <returns>The number of CPUs, or null when the text cannot be read.</returns>
    public static decimal? ParseCpu(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Match match = CpuPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        decimal? count = ParseNumber(match.Groups["n"].Value);
        return match.Groups["milli"].Success ? count / 1000m : count;
    }

    /// <summary>
    /// Reads a memory size in GB, such as <c>3.75GB</c>, <c>4GiB</c>, <c>3840Mi</c>, <c>16G</c> or a bare <c>16</c>.
    /// </summary>
    /// <remarks>
    /// The catalog's "GB" is a binary gigabyte (<c>3.75GB</c> is the same size as <c>3840Mi</c>), so decimal and
    /// binary prefixes are read alike with a factor of 1024 between steps: K, M, G (the unit of the result) and T.
    /// A number without a unit is taken as GB.
    /// </remarks>
    /// <returns>The size in GB, or null when the text cannot be read.</returns>
    public static decimal? ParseMemoryGb(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Match match = MemoryPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        decimal? size = ParseNumber(match.Groups["n"].Value);
        Group prefix = match.Groups["p"];
        if (size is null || !prefix.Success)
        {
            return size;
        }

        return char.ToUpperInvariant(prefix.Value[0]) switch
        {
            'K' => size / (1024m * 1024m),
            'M' => size / 1024m,
            'T' => size * 1024m,
            _ => size,
        };
    }

    /// <summary>Formats a USD amount for messages: <c>$0.72</c>, <c>$0.0123</c> (two to four decimals, invariant culture).</summary>
    public static string FormatUsd(decimal amount) =>
        "$" + amount.ToString("0.00##", CultureInfo.InvariantCulture);

    private static decimal? ParseNumber(string digits) =>
        decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : null;

    [GeneratedRegex(@"^\s*(US)?\$?\s*(?<n>[0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(USD)?\s*((/|per)\s*(h|hr|hour))?\s*$", Options)]
    private static partial Regex UsdPattern();

    [GeneratedRegex(@"^\s*(?<n>[0-9]+(\.[0-9]*)?|\.[0-9]+)\s*((?<milli>m)|v?cpus?|v?cores?)?\s*$", Options)]
    private static partial Regex CpuPattern();

    [GeneratedRegex(@"^\s*(?<n>[0-9]+(\.[0-9]*)?|\.[0-9]+)\s*((?<p>[kmgt])i?b?)?\s*$", Options)]
    private static partial Regex MemoryPattern();
}
