using System.Text.Json.Nodes;

namespace Rsspot.Security;

/// <summary>
/// The one rule for what is secret, used wherever the SDK and the rsspot tool print, log, store or cache anything
/// (exception text, telemetry, the response cache, the command history, CLI and MCP output): which names hold
/// secrets (<see cref="IsSecretName"/>), which values are secrets by their shape (<see cref="LooksLikeSecret"/>),
/// the shortest secret value worth searching for (<see cref="MinimumSecretLength"/>), and the text that stands in
/// for a masked value (<see cref="Mask"/>).
/// </summary>
public static partial class SecretPolicy
{
    /// <summary>The text that stands in for a redacted value.</summary>
    public const string Mask = "***REDACTED***";

    /// <summary>
    /// Known secret values (a profile's tokens, a URL's password, a value given to a secret flag) shorter than this
    /// are not searched for in text: they would mask ordinary words. Real tokens and passwords are longer.
    /// </summary>
    public const int MinimumSecretLength = 8;

    private const int MinRandomSecretLength = 32;

    // A name holds a secret when one of its words is (or ends with) one of these: refresh_token, clientSecret, apiKey.
    private static readonly string[] SecretWords =
    [
        "token", "secret", "password", "passwd", "pwd", "passphrase", "auth", "authorization", "cookie", "credential",
        "bearer", "jwt", "kubeconfig", "signature",
        "apikey", "privatekey", "secretkey", "accesskey", "signingkey", "clientkey", "encryptionkey", "masterkey", "sharedkey", "sessionkey", "authkey",
    ];

    // Words that end like a secret word but name something public.
    private static readonly string[] PublicWords = ["oauth", "monkey", "hotkey", "publickey"];

    // A last word that makes the name about a secret rather than the secret: sshSecretName, token_type, oauth_url,
    // refresh_token_expires_at, --refresh-token-file.
    private static readonly string[] DescribingWords =
    [
        "name", "names", "ref", "id", "ids", "url", "uri", "endpoint", "type", "kind", "count", "file", "path", "stdin",
        "env", "expires", "expiry", "expiration", "at", "ttl", "length", "fingerprint", "hint", "prompt", "format", "source",
    ];

    // Values that are already a stand-in, not the secret.
    private static readonly string[] Placeholders = [Mask, "<redacted>", "[redacted]", "REDACTED"];

    /// <summary>The words that make a name secret (<c>token</c>, <c>secret</c>, <c>password</c>, <c>apikey</c>, ...).</summary>
    public static IReadOnlyList<string> SecretNameWords => SecretWords;

    /// <summary>
    /// Whether a name (config key, JSON field, CLI flag, header or query parameter) names a secret. The name is split
    /// into words at <c>-</c>, <c>_</c>, <c>.</c>, spaces and camelCase humps; it is secret when a word is, or ends
    /// with, a secret word (<c>token</c>, <c>secret</c>, <c>password</c>, <c>auth</c>, <c>credential</c>,
    /// <c>cookie</c>, <c>kubeconfig</c>, ...) or is a secret kind of key (<c>api_key</c>, <c>apiKey</c>,
    /// <c>private-key</c>), unless its last word says it only describes one (<c>sshSecretName</c>,
    /// <c>token_type</c>, <c>oauth_url</c>). A plain <c>key</c> (a label's or a taint's) and <c>public_key</c> are not.
    /// </summary>
    /// <param name="name">The name, with or without leading dashes.</param>
    /// <returns><see langword="true"/> when values under this name must be redacted.</returns>
    public static bool IsSecretName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var words = SplitWords(name.TrimStart('-')).ToList();
        if (words.Count == 0 || (words.Count > 1 && DescribingWords.Contains(words[^1], StringComparer.Ordinal)))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i] is "key" or "keys" && i > 0 ? words[i - 1] + words[i] : words[i];
            if (IsSecretWord(word) || (word.Length > 3 && word.EndsWith('s') && IsSecretWord(word[..^1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a value is already a stand-in for a secret (<see cref="Mask"/>, <c>&lt;redacted&gt;</c>) rather than one.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> for a placeholder.</returns>
    public static bool IsPlaceholder(string? value) => value is not null && Placeholders.Contains(value, StringComparer.Ordinal);

    private static bool IsSecretWord(string word)
    {
        if (PublicWords.Contains(word, StringComparer.Ordinal))
        {
            return false;
        }

        foreach (var secret in SecretWords)
        {
            if (word == secret || (word.Length > secret.Length && word.EndsWith(secret, StringComparison.Ordinal)))
            {
                return true;
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

        // A file path is not a token, however random its folder names look (base64 has no "/." or "./").
        if (value[0] is '/' or '~' or '.' || value.Contains("/.", StringComparison.Ordinal) || value.Contains("./", StringComparison.Ordinal))
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

        return IsSecretName(name) || (!IsEncodedContent(name) && LooksLikeSecret(value)) ? Mask : value;
    }

    // Fields whose values are the user's own encoded content (cloud-init user data is base64 by the API's rule), so
    // their random look says nothing: they are masked by name only, like every other field.
    private static bool IsEncodedContent(string? name) =>
        name is not null && (name.Equals("vmUserData", StringComparison.OrdinalIgnoreCase)
            || name.Equals("userData", StringComparison.OrdinalIgnoreCase)
            || name.Equals("user_data", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Replaces every known secret value in <paramref name="text"/> (also in its URL-escaped form) with
    /// <see cref="Mask"/>, longest first, so a secret that contains another is masked whole. Values shorter than
    /// <see cref="MinimumSecretLength"/> are not searched for.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="knownSecrets">The secret values the caller holds.</param>
    /// <returns>The text with the known values masked.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? MaskKnownValues(string? text, IEnumerable<string?>? knownSecrets)
    {
        if (string.IsNullOrEmpty(text) || knownSecrets is null)
        {
            return text;
        }

        foreach (var secret in SearchableForms(knownSecrets))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// The forms in which known secret values are searched for: each value at least <see cref="MinimumSecretLength"/>
    /// long, as is and URL-escaped, without duplicates, longest first.
    /// </summary>
    /// <param name="knownSecrets">The secret values.</param>
    /// <returns>The forms to search for.</returns>
    public static IReadOnlyList<string> SearchableForms(IEnumerable<string?> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(knownSecrets);
        var forms = new List<string>();
        foreach (var secret in knownSecrets)
        {
            if (secret is not { Length: >= MinimumSecretLength })
            {
                continue;
            }

            foreach (var form in (string[])[secret, Uri.EscapeDataString(secret)])
            {
                if (!forms.Contains(form, StringComparer.Ordinal))
                {
                    forms.Add(form);
                }
            }
        }

        forms.Sort((a, b) => b.Length.CompareTo(a.Length));
        return forms;
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
                if (node is JsonValue value && value.TryGetValue(out string? text))
                {
                    if (text.Length == 0 || IsPlaceholder(text))
                    {
                        return JsonValue.Create(text);
                    }

                    return JsonValue.Create(IsSecretName(name) || (!IsEncodedContent(name) && LooksLikeSecret(text)) ? Mask : RedactUrlCredentials(text));
                }

                return IsSecretName(name) ? JsonValue.Create(Mask) : node.DeepClone();
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
