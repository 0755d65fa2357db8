using System.Globalization;
using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output;

/// <summary>
/// How a JSON surface writes decimals and times. The CLI keeps a decimal's scale (<c>0.080</c>) and a time's offset,
/// as its piped output always has; the MCP tools drop trailing zeros (<c>0.08</c>) and write times in UTC.
/// </summary>
internal sealed class JsonValues
{
    /// <summary>The CLI's rule: decimals as they are, times with their offset.</summary>
    public static readonly JsonValues Cli = new(normalise: false);

    /// <summary>The MCP tools' rule: decimals without trailing zeros, times in UTC.</summary>
    public static readonly JsonValues Tools = new(normalise: true);

    private readonly bool _normalise;

    private JsonValues(bool normalise)
    {
        _normalise = normalise;
    }

    public JsonNode? Number(decimal? value) => value is not { } d
        ? null
        : JsonValue.Create(_normalise ? d / 1.000000000000000000000000000000000m : d);

    public string Time(DateTimeOffset value) => _normalise
        ? value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
        : value.ToString("O", CultureInfo.InvariantCulture);
}
