using System.Globalization;

namespace Rsspot.Pricing;

/// <summary>
/// The parts of a server class name <c>&lt;family&gt;.&lt;generation&gt;.&lt;size&gt;-&lt;site&gt;</c>,
/// such as <c>gp.vs1.medium-dfw</c> or the bare-metal <c>io.bm2-lon</c>.
/// Parsing is lenient: a part that is absent is null.
/// </summary>
/// <param name="Value">The name as given.</param>
/// <param name="Family">Class family such as <c>gp</c>, <c>ch</c>, <c>mh</c>.</param>
/// <param name="Generation">Generation token such as <c>vs1</c>, <c>vs2</c>, <c>bm2</c>.</param>
/// <param name="Size">Size such as <c>medium</c> or <c>2xlarge</c>.</param>
/// <param name="Site">Data-centre site such as <c>dfw</c>.</param>
public sealed record ServerClassName(string Value, string? Family, string? Generation, string? Size, string? Site)
{
    /// <summary>The number at the end of <see cref="Generation"/> (<c>vs2</c> → 2), or null.</summary>
    public int? GenerationNumber => TrailingNumber(Generation);

    /// <summary>True for bare-metal generations (<c>bm…</c>).</summary>
    public bool IsBareMetal => Generation?.StartsWith("bm", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Splits a class name into its parts; never throws.</summary>
    public static ServerClassName Parse(string? name)
    {
        string value = name?.Trim() ?? string.Empty;
        string body = value;
        string? site = null;
        int dash = value.LastIndexOf('-');
        if (dash > 0 && dash < value.Length - 1)
        {
            site = value[(dash + 1)..];
            body = value[..dash];
        }

        string[] parts = body.Split('.');
        if (parts.Length < 2)
        {
            return new ServerClassName(value, null, null, null, site);
        }

        return new ServerClassName(
            value,
            NullIfEmpty(parts[0]),
            NullIfEmpty(parts[1]),
            parts.Length > 2 ? NullIfEmpty(string.Join('.', parts[2..])) : null,
            site);
    }

    /// <summary>The number at the end of a generation token such as <c>vs2</c>, <c>bm2</c> or <c>2</c>.</summary>
    internal static int? TrailingNumber(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        int start = token.Length;
        while (start > 0 && char.IsAsciiDigit(token[start - 1]))
        {
            start--;
        }

        return start < token.Length && int.TryParse(token.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? number
            : null;
    }

    private static string? NullIfEmpty(string part) => part.Length == 0 ? null : part;
}
