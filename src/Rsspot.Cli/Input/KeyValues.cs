using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Input;

/// <summary>Parses repeatable <c>key=value</c> flags (labels, annotations).</summary>
internal static class KeyValues
{
    public static Dictionary<string, string>? Parse(IReadOnlyList<string>? values, string flag)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values.SelectMany(SplitPairs))
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"{flag}: '{value}' is invalid; write key=value (e.g. {flag} team=web).");
            }

            map[value[..eq].Trim()] = value[(eq + 1)..].Trim();
        }

        return map;
    }

    /// <summary>
    /// spotctl's <c>k1=v1,k2=v2</c> in one argument: splits at commas that start a new <c>key=</c>, so a value
    /// may still hold a comma (<c>note=a,b</c> stays one pair).
    /// </summary>
    public static IEnumerable<string> SplitPairs(string text)
    {
        var parts = text.Split(',');
        var current = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (part.Contains('=', StringComparison.Ordinal))
            {
                yield return current;
                current = part;
            }
            else
            {
                current += "," + part;
            }
        }

        yield return current;
    }

    /// <summary>Lower case without '-' and '_', so serverClass, server_class and serverclass match.</summary>
    public static string NormalizeKey(string key) => key.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
