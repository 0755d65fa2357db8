using System.Globalization;
using System.Text.RegularExpressions;

namespace Rsspot.Services;

/// <summary>Bid prices: USD per node-hour, written as a plain decimal string (the API rejects a '$').</summary>
public static partial class BidPrice
{
    /// <summary>Parses "0.08" or "$0.08" (a leading '$' is tolerated on input).</summary>
    /// <exception cref="ArgumentException">Not a positive decimal.</exception>
    public static decimal Parse(string text, string field = "bidPrice")
    {
        if (!Configuration.InvariantNumber.TryParseDecimal(text, allowDollar: true, out var value) || value <= 0)
        {
            throw new ArgumentException($"Bid price '{text}' is invalid: give USD per node-hour as a positive decimal such as 0.08.", field);
        }

        return value;
    }

    /// <summary>The wire form: invariant decimal, no '$', no exponent.</summary>
    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    internal static void Ensure(decimal value, string field)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"Bid price {value} is invalid: it must be more than 0 USD per node-hour.", field);
        }

        if (!WirePattern().IsMatch(Format(value)))
        {
            throw new ArgumentException($"Bid price {Format(value)} is invalid: the API takes at most three decimals, such as 0.085.", field);
        }
    }

    /// <summary>The smallest bid step the API takes: its bid pattern allows three decimals (0.001 USD).</summary>
    public const decimal Step = 0.001m;

    /// <summary>
    /// Rounds up to a bid the API takes (three decimals): <c>market × 1.2</c> such as 0.0414 becomes 0.042, so the bid
    /// never drops below the amount it was computed from.
    /// </summary>
    /// <param name="value">USD per node-hour, any precision.</param>
    public static decimal RoundUp(decimal value) => Math.Ceiling(value / Step) * Step;

    /// <summary>Rounds down to a bid the API takes (three decimals), e.g. to stay within a budget or ceiling.</summary>
    /// <param name="value">USD per node-hour, any precision.</param>
    public static decimal RoundDown(decimal value) => Math.Floor(value / Step) * Step;

    [GeneratedRegex(SpecConstraints.SpotNodePoolSpecBidPricePattern)]
    private static partial Regex WirePattern();
}
