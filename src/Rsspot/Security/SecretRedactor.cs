using System.Text.Json.Nodes;

namespace Rsspot.Security;

/// <summary>
/// Replaces secrets with <see cref="Mask"/> before anything is printed, logged or stored:
/// values under secret-looking names (token, secret, password, key, auth, cookie, credential, ...) and
/// values that look like secrets by themselves (JWTs, long random base64 or hex strings).
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>The text that stands in for a redacted value.</summary>
    public const string Mask = "***REDACTED***";

    private const int MinRandomSecretLength = 32;

    private static readonly string[] SecretWords =
    [
        "token", "secret", "password", "passwd", "pwd", "passphrase", "key", "apikey", "auth", "authorization",
        "cookie", "credential", "credentials", "bearer", "session", "private", "signature", "jwt",
    ];

    // Words that end like a secret word but name something public.
    private static readonly string[] PublicWords = ["oauth", "monkey", "hotkey"];

    /// <summary>
    /// Whether a name (config key, CLI flag or header) names a secret. The name is split into words at
    /// <c>-</c>, <c>_</c>, <c>.</c> and camelCase humps; <c>refresh_token</c>, <c>--refresh-token</c>,
    /// <c>refreshToken</c> and <c>apiKey</c> are secret names, <c>oauth_url</c> and <c>org_id</c> are not.
    /// </summary>
    /// <param name="name">The name, with or without leading dashes.</param>
    /// <returns><see langword="true"/> when values under this name must be redacted.</returns>
    public static bool IsSecretName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        foreach (string word in SplitWords(name.TrimStart('-')))
        {
            if (PublicWords.Contains(word, StringComparer.Ordinal))
            {
                continue;
            }

            foreach (string secret in SecretWords)
            {
                if (word == secret || (word.Length > secret.Length && word.EndsWith(secret, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value looks like a secret on its own: a JWT (<c>eyJ...</c> with two dots) or a string of at
    /// least 32 base64/hex characters that looks random (hex only, or mixed upper case, lower case and digits).
    /// </summary>
    /// <param name="value">The value to inspect.</param>
    /// <returns><see langword="true"/> when the value must be redacted.</returns>
    public static bool LooksLikeSecret(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value.StartsWith("eyJ", StringComparison.Ordinal) && value.Length >= 16)
        {
            return true;
        }

        // A connection string that carries its password (Password=... or Pwd=...).
        if (value.Contains("password=", StringComparison.OrdinalIgnoreCase) || value.Contains("pwd=", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Length < MinRandomSecretLength)
        {
            return false;
        }

        bool upper = false, lower = false, digit = false, hexOnly = true;
        foreach (char c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }

            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
            digit |= char.IsAsciiDigit(c);
            hexOnly &= char.IsAsciiHexDigit(c);
        }

        return hexOnly || (upper && lower && digit);
    }

    /// <summary>Returns <see cref="Mask"/> when the name or the value is secret, otherwise the value.</summary>
    /// <param name="name">The key or flag the value belongs to (may be <see langword="null"/>).</param>
    /// <param name="value">The value.</param>
    /// <returns>The value or the mask.</returns>
    public static string? RedactValue(string? name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        return IsSecretName(name) || LooksLikeSecret(value) ? Mask : value;
    }

    /// <summary>
    /// Masks the credentials of every URL in <paramref name="text"/>: <c>http://user:pw@host</c> becomes
    /// <c>http://user:***REDACTED***@host</c>, and a user part alone (often a token) is masked whole.
    /// </summary>
    /// <param name="text">A URL, or any text that may contain URLs.</param>
    /// <returns>The text with URL credentials masked.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? RedactUrlCredentials(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal))
        {
            return text;
        }

        return UrlUserInfo().Replace(text, match =>
        {
            string userInfo = match.Groups["userinfo"].Value;
            int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            string masked = colon >= 0 ? userInfo[..colon] + ":" + Mask : Mask;
            return match.Groups["scheme"].Value + masked + "@";
        });
    }

    /// <summary>
    /// Returns a deep copy of a JSON-like tree (a parsed config document, a profile rendered as an object)
    /// with every secret value replaced by <see cref="Mask"/>.
    /// </summary>
    /// <param name="node">The tree to copy; it is not modified.</param>
    /// <returns>The redacted copy.</returns>
    public static JsonNode? RedactTree(JsonNode? node)
    {
        return RedactNode(null, node);
    }

    /// <summary>Returns a copy of a key/value map with secret values replaced by <see cref="Mask"/>.</summary>
    /// <param name="values">The map; it is not modified.</param>
    /// <returns>The redacted copy, in the same key order.</returns>
    public static IReadOnlyDictionary<string, string?> RedactMap(IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string key, string? value) in values)
        {
            result[key] = RedactValue(key, value);
        }

        return result;
    }

    private static JsonNode? RedactNode(string? name, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach ((string key, JsonNode? child) in obj)
                {
                    copy[key] = RedactNode(key, child);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (JsonNode? item in array)
                {
                    items.Add(RedactNode(name, item));
                }

                return items;
            default:
                if (IsSecretName(name))
                {
                    return JsonValue.Create(Mask);
                }

                if (node is JsonValue value && value.TryGetValue(out string? text))
                {
                    return LooksLikeSecret(text) ? JsonValue.Create(Mask) : JsonValue.Create(RedactUrlCredentials(text));
                }

                return node.DeepClone();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?<userinfo>[^/?#@\s]+)@")]
    private static partial System.Text.RegularExpressions.Regex UrlUserInfo();

    private static bool IsTokenChar(char c)
    {
        return char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-' or '.';
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var word = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c is '-' or '_' or '.' or ' ' or ':')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            bool hump = char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]);
            if (hump && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            word.Append(char.ToLowerInvariant(c));
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
