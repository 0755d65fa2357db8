using System.Globalization;
using System.Text.RegularExpressions;

namespace Rsspot.Pricing;

/// <summary>
/// Places the exported texts without <c>dominant-baseline</c>, which librsvg (rsvg-convert, GNOME, many CI image
/// tools) ignores: OxyPlot anchors a text at the top, middle or bottom of its box and says which with that
/// attribute; here the attribute is dropped and the text is moved so that its baseline sits where the box needs it
/// (top + ascent, middle + half of ascent − descent, bottom − descent), in the text's own rotated frame. Every
/// renderer then draws it in the same place.
/// </summary>
internal static partial class SvgTextPlacement
{
    public static string Apply(string svg) => TextElement().Replace(svg, Place);

    private static string Place(Match text)
    {
        var size = double.Parse(text.Groups["size"].Value, CultureInfo.InvariantCulture);
        var shift = text.Groups["baseline"].Value switch
        {
            "hanging" => ChartFont.Ascent * size,
            "middle" => (ChartFont.Ascent - ChartFont.Descent) / 2 * size,
            _ => -ChartFont.Descent * size,
        };
        var offset = shift.ToString("0.###", CultureInfo.InvariantCulture);
        return $"<text{text.Groups["before"].Value}transform=\"{text.Groups["transform"].Value} translate(0,{offset})\"{text.Groups["after"].Value}>";
    }

    [GeneratedRegex("""<text dominant-baseline="(?<baseline>[a-z-]+)"(?<before> [^>]*? )transform="(?<transform>[^"]*)"(?<after>[^>]*?font-size="(?<size>[0-9.]+)"[^>]*)>""", RegexOptions.CultureInvariant)]
    private static partial Regex TextElement();
}
