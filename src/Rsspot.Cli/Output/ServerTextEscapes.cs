namespace Rsspot.Cli.Output;

/// <summary>
/// The one rule for server text written into JSON and YAML: which characters are written as escapes, so that no
/// control character, terminal escape or bidirectional override reaches a terminal that shows the file, and
/// every reader gets the text back unchanged.
/// </summary>
internal static class ServerTextEscapes
{
    /// <summary>True for C0 and C1 controls, DEL, bidi controls, line/paragraph separators, BOM and lone surrogates.</summary>
    public static bool MustEscape(char c) =>
        c < ' '
        || c is >= '\u007f' and <= '\u009f'
        || IsInvisibleFormat(c)
        || char.IsSurrogate(c);

    /// <summary>Whether <paramref name="text"/> holds any character <see cref="MustEscape"/> covers, or a lone surrogate.</summary>
    public static bool NeedsEscaping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (MustEscape(c))
            {
                return true;
            }
        }

        return false;
    }

    // Bidi embeddings/overrides/isolates and marks, zero-width space and word joiner, line/paragraph separators, BOM.
    private static bool IsInvisibleFormat(char c) =>
        c is '\u200b' or '\u200e' or '\u200f' or '\u2028' or '\u2029' or '\u2060' or '\u061c' or '\ufeff'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069';
}
