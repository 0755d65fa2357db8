using OxyPlot;

namespace Rsspot.Pricing;

/// <summary>
/// The charts' font and its metrics. Text is set in DejaVu Sans (Debian's fonts-dejavu-core, present wherever librsvg
/// is), with Verdana (near-identical metrics) and the generic sans-serif after it, and measured with DejaVu Sans's
/// own advance widths, so legends and margins are sized for the glyphs a renderer draws rather than for Segoe UI.
/// </summary>
internal sealed class ChartFont : RenderContextBase
{
    /// <summary>The font-family list written into the SVG.</summary>
    public const string Family = "DejaVu Sans, Verdana, sans-serif";

    /// <summary>Ascent and descent of DejaVu Sans (hhea), in em.</summary>
    public const double Ascent = 1901 / UnitsPerEm;

    /// <inheritdoc cref="Ascent"/>
    public const double Descent = 483 / UnitsPerEm;

    private const double UnitsPerEm = 2048.0;

    /// <summary>An advance for characters outside printable ASCII: as wide as the widest common glyphs (no label is cut).</summary>
    private const int WideAdvance = 1716;

    // Advance widths of U+0020..U+007E in DejaVu Sans and DejaVu Sans Bold (hmtx, 2048 units per em).
    private static readonly short[] Regular =
    [
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303,
        1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532,
        1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260,
        721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,
        1303, 1716,
    ];

    private static readonly short[] Bold =
    [
        713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425,
        1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714,
        1741, 1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389,
        891, 1466, 1458, 702, 702, 1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748,
        1458, 1716,
    ];

    /// <summary>Width of the widest line and the height of all lines (ascent plus descent each).</summary>
    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        if (string.IsNullOrEmpty(text))
        {
            return OxySize.Empty;
        }

        var advances = fontWeight >= FontWeights.Bold ? Bold : Regular;
        var lines = text.Split('\n');
        var widest = 0;
        foreach (var line in lines)
        {
            var width = 0;
            foreach (var c in line)
            {
                width += c is >= ' ' and <= '~' ? advances[c - ' '] : WideAdvance;
            }

            widest = Math.Max(widest, width);
        }

        return new OxySize(widest / UnitsPerEm * fontSize, lines.Length * (Ascent + Descent) * fontSize);
    }

    // A measurer only: OxyPlot's SVG exporter asks it for text sizes and draws nothing through it.
    public override int ClipCount => 0;

    public override void PushClip(OxyRect clippingRectangle)
    {
    }

    public override void PopClip()
    {
    }

    public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
    {
    }

    public override void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
    {
    }

    public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotate, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
    {
    }
}
