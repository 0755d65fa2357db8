using System.Globalization;

namespace Rsspot.Cli.Output;

/// <summary>
/// The one way prices are written in tables: USD with a <c>$</c>, at least three decimals (the API's bid step is
/// 0.001) and up to six (<c>$0.007</c>, <c>$0.0345</c>, <c>$0.080</c>). JSON and YAML write prices in the shape's own
/// way (the Python rsspot's <c>$</c> strings of the API's text, or numbers in this tool's own shapes).
/// </summary>
internal static class Prices
{
    /// <summary>A price for a table cell; empty when unknown.</summary>
    public static string Table(decimal? usd) => usd is { } value ? "$" + value.ToString("0.000###", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A price the API wrote as text (a bid such as <c>0.08</c>), for a table cell; the text itself when it is not a number.</summary>
    public static string Table(string? text) =>
        decimal.TryParse(text?.TrimStart('$'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? Table(value) : text ?? string.Empty;
}
