using System.Globalization;
using System.Text;

namespace Rsspot.Cli.Output;

/// <summary>
/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji take two, combining
/// marks and other zero-width characters none, everything else one (per grapheme cluster, as terminals draw them).
/// </summary>
internal static class DisplayWidth
{
    public static int Of(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text.Length;
        }

        var width = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            width += OfCluster((string)elements.Current);
        }

        return width;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits <paramref name="columns"/>, whole clusters only.</summary>
    public static string Fit(string text, int columns, out int used)
    {
        used = 0;
        var result = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var cluster = (string)elements.Current;
            var width = OfCluster(cluster);
            if (used + width > columns)
            {
                break;
            }

            used += width;
            result.Append(cluster);
        }

        return result.ToString();
    }

    private static int OfCluster(string cluster)
    {
        var first = Rune.GetRuneAt(cluster, 0);
        if (cluster.Contains('\uFE0F', StringComparison.Ordinal))
        {
            return 2;
        }

        return OfRune(first);
    }

    private static int OfRune(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return IsWide(rune.Value) ? 2 : 1;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F)
            or (>= 0x231A and <= 0x231B)
            or (>= 0x2329 and <= 0x232A)
            or (>= 0x23E9 and <= 0x23EC)
            or 0x23F0 or 0x23F3
            or (>= 0x25FD and <= 0x25FE)
            or (>= 0x2614 and <= 0x2615)
            or (>= 0x2648 and <= 0x2653)
            or 0x267F or 0x2693 or 0x26A1 or (>= 0x26AA and <= 0x26AB) or (>= 0x26BD and <= 0x26BE) or (>= 0x26C4 and <= 0x26C5)
            or 0x26CE or 0x26D4 or 0x26EA or (>= 0x26F2 and <= 0x26F3) or 0x26F5 or 0x26FA or 0x26FD
            or 0x2705 or (>= 0x270A and <= 0x270B) or 0x2728 or 0x274C or 0x274E or (>= 0x2753 and <= 0x2755) or 0x2757
            or (>= 0x2795 and <= 0x2797) or 0x27B0 or 0x27BF or (>= 0x2B1B and <= 0x2B1C) or 0x2B50 or 0x2B55
            or (>= 0x2E80 and <= 0x303E)
            or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xA960 and <= 0xA97F)
            or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE10 and <= 0xFE19)
            or (>= 0xFE30 and <= 0xFE6F)
            or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x16FE0 and <= 0x18CFF)
            or (>= 0x1B000 and <= 0x1B2FF)
            or 0x1F004 or 0x1F0CF or 0x1F18E or (>= 0x1F191 and <= 0x1F19A)
            or (>= 0x1F200 and <= 0x1F251)
            or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F680 and <= 0x1F6FF)
            or (>= 0x1F7E0 and <= 0x1F7EB)
            or (>= 0x1F90C and <= 0x1F9FF)
            or (>= 0x1FA70 and <= 0x1FAFF)
            or (>= 0x20000 and <= 0x3FFFD);
}
