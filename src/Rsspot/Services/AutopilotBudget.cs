namespace Rsspot.Services;

/// <summary>
/// An autopilot pool's hourly budget: USD per hour for the whole pool, more than 0, in steps of 0.001 (the API's
/// rule: at most three decimals), written as a plain decimal.
/// </summary>
public static class AutopilotBudget
{
    /// <summary>Parses "1.25" or "$1.25" (a leading '$' is tolerated on input).</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field named in the error.</param>
    /// <exception cref="ArgumentException">Not a positive decimal with at most three decimals.</exception>
    public static decimal Parse(string text, string field = "budgetPerHour")
    {
        if (!Configuration.InvariantNumber.TryParseDecimal(text, allowDollar: true, out var value) || value <= 0)
        {
            throw new ArgumentException($"Budget '{text}' is invalid: give USD per hour for the whole pool as a positive decimal such as 1.25.", field);
        }

        Ensure(value, field);
        return value;
    }

    /// <summary>The wire form: invariant, exactly three decimals (as the Go clients write prices).</summary>
    /// <param name="value">USD per hour.</param>
    public static string Format(decimal value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="value"/> is more than 0 and a multiple of 0.001.</summary>
    /// <param name="value">USD per hour.</param>
    /// <param name="field">The field named in the error.</param>
    /// <exception cref="ArgumentException">The budget is invalid.</exception>
    public static void Ensure(decimal value, string field = "budgetPerHour")
    {
        if (value <= 0)
        {
            throw new ArgumentException($"Budget {BidPrice.Format(value)} is invalid: it must be more than 0 USD per hour.", field);
        }

        if (value % BidPrice.Step != 0)
        {
            throw new ArgumentException($"Budget {BidPrice.Format(value)} is invalid: the API takes at most three decimals (steps of 0.001 USD), such as 1.255.", field);
        }
    }
}
