using System.Text;
using System.Text.RegularExpressions;

namespace Rsspot.Security;

/// <summary>
/// Makes text that a server wrote safe to put in an exception message or on a terminal: terminal escape sequences
/// (CSI, OSC, DCS, ...) and every other control character (C0, DEL, C1) are removed, line breaks and tabs become
/// spaces, and secrets the server echoed back (known values, JWTs, <c>password=...</c>, URL passwords) are masked.
/// </summary>
public static partial class ServerText
{
    private const char Esc = '\u001b';
    private const char Bell = '\u0007';
    private const char StringTerminator = '\u009c';

    /// <summary>Removes escape sequences and control characters; null stays null.</summary>
    /// <param name="text">Text from a server.</param>
    /// <returns>The text without control characters, on one line.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Clean(string? text)
    {
        if (text is null || !NeedsCleaning(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Esc && i + 1 < text.Length)
            {
                i = SkipEscape(text, i + 1);
            }
            else if (c == '\u009b')
            {
                i = SkipControlSequence(text, i + 1);
            }
            else if (c is '\u0090' or '\u0098' or '\u009d' or '\u009e' or '\u009f')
            {
                i = SkipString(text, i + 1);
            }
            else if (c is '\r' or '\n' or '\t')
            {
                AppendSpace(result);
            }
            else if (!char.IsControl(c) && !IsBidiControl(c))
            {
                result.Append(c);
            }
        }

        return result.ToString().Trim();
    }

    /// <summary>
    /// <see cref="Clean"/>, then masks secrets: the given known values (refresh token, id token), values under
    /// secret names (<c>password=x</c>, <c>"refresh_token": "x"</c>), values that look like secrets (JWTs, long
    /// random strings) and passwords in URLs.
    /// </summary>
    /// <param name="text">Text from a server.</param>
    /// <param name="knownSecrets">Secret values the client holds; shorter than <see cref="SecretPolicy.MinimumSecretLength"/> are ignored.</param>
    /// <returns>The cleaned and redacted text.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text, IEnumerable<string?>? knownSecrets = null)
    {
        var clean = Clean(text);
        if (string.IsNullOrEmpty(clean))
        {
            return clean;
        }

        clean = SecretPolicy.MaskKnownValues(clean, knownSecrets);
        clean = UrlPassword().Replace(clean, "://" + SecretPolicy.Mask + "@");
        clean = NamedValue().Replace(clean, m => SecretPolicy.IsSecretName(m.Groups["name"].Value)
            ? m.Value[..(m.Groups["value"].Index - m.Index)] + SecretPolicy.Mask
            : m.Value);
        return TokenLike().Replace(clean, m => SecretPolicy.LooksLikeSecret(m.Value) ? SecretPolicy.Mask : m.Value);
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Right-to-left overrides and isolates reorder what a terminal shows.</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    private static void AppendSpace(StringBuilder result)
    {
        if (result.Length > 0 && result[^1] != ' ')
        {
            result.Append(' ');
        }
    }

    /// <summary>Skips the sequence after an ESC; returns the index of its last character.</summary>
    private static int SkipEscape(string text, int next) => text[next] switch
    {
        '[' => SkipControlSequence(text, next + 1),
        ']' or 'P' or 'X' or '^' or '_' => SkipString(text, next + 1),
        _ => next,
    };

    /// <summary>CSI: parameter and intermediate bytes up to a final byte in @..~.</summary>
    private static int SkipControlSequence(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is >= '@' and <= '~')
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    /// <summary>OSC, DCS and the like: up to BEL or ST (ESC \ or U+009C).</summary>
    private static int SkipString(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is Bell or StringTerminator)
            {
                return i;
            }

            if (text[i] == Esc && i + 1 < text.Length && text[i + 1] == '\\')
            {
                return i + 1;
            }
        }

        return text.Length - 1;
    }

    [GeneratedRegex(@"://[^/\s@:]+:[^/\s@]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex("""(?<name>[A-Za-z][A-Za-z0-9_.-]*)"?\s*[:=]\s*"?(?<value>[^\s"'&,;}]+)""")]
    private static partial Regex NamedValue();

    [GeneratedRegex(@"[A-Za-z0-9+/=_.-]{16,}")]
    private static partial Regex TokenLike();
}
