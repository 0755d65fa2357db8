using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// Redacts command-line arguments before they are stored in the history or printed: the value after a secret
/// flag (<c>--refresh-token X</c>, <c>--password=X</c>), values that look like secrets, secret keys inside JSON
/// arguments and <c>key=value</c> lists, URL credentials, and every <see cref="KnownSecrets">known secret value</see>
/// wherever it appears inside any argument (<c>--org &lt;token&gt;</c>, <c>--webhook http://x/&lt;token&gt;</c>).
/// </summary>
internal sealed class ArgumentRedactor
{
    private readonly KnownSecrets _secrets;

    public ArgumentRedactor(KnownSecrets secrets)
    {
        _secrets = secrets;
    }

    public IReadOnlyList<string> Redact(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        var nextIsSecret = false;
        foreach (var arg in args)
        {
            if (nextIsSecret)
            {
                nextIsSecret = false;
                if (!arg.StartsWith('-') || arg == "-")
                {
                    result.Add(SecretPolicy.Mask);
                    continue;
                }
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) || (arg.StartsWith('-') && arg.Length == 2))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var flag = eq >= 0 ? arg[..eq] : arg;
                if (SecretPolicy.IsSecretName(flag))
                {
                    result.Add(eq >= 0 ? flag + "=" + SecretPolicy.Mask : arg);
                    nextIsSecret = eq < 0;
                    continue;
                }

                if (eq >= 0)
                {
                    result.Add(flag + "=" + RedactValue(arg[(eq + 1)..]));
                    continue;
                }

                result.Add(arg);
                continue;
            }

            result.Add(RedactValue(arg));
        }

        return result;
    }

    /// <summary>Redacts one free-text value (an argument, a URL, a message).</summary>
    public string RedactText(string text) => SecretPolicy.RedactUrlCredentials(_secrets.Mask(text));

    private string RedactValue(string value)
    {
        if (SecretPolicy.LooksLikeSecret(value))
        {
            return SecretPolicy.Mask;
        }

        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                var tree = JsonNode.Parse(value);
                return RedactText(SecretPolicy.RedactTree(tree)?.ToJsonString() ?? value);
            }
            catch (JsonException)
            {
                // Not JSON after all: treated as text below.
            }
        }

        return RedactText(RedactPairs(value));
    }

    // "name=x,token=y" (inline pool specs, --params) keeps the names and masks the secret ones.
    private static string RedactPairs(string value)
    {
        if (!value.Contains('=', StringComparison.Ordinal) || value.Contains("://", StringComparison.Ordinal))
        {
            return value;
        }

        var parts = value.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && SecretPolicy.IsSecretName(parts[i][..eq].Trim()))
            {
                parts[i] = parts[i][..(eq + 1)] + SecretPolicy.Mask;
            }
        }

        return string.Join(',', parts);
    }
}
