using System.Text.RegularExpressions;

namespace Rsspot.Cli.Infrastructure;

/// <summary>Rewrites System.CommandLine's conversion errors so they name the flag and the expected kind of value.</summary>
internal static partial class ParseErrors
{
    public static string Friendly(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            // "Must be one of:\n\t'bash'\n\t'zsh'..." on one line, like every other error.
            return message.ReplaceLineEndings(" ").Replace("\t", string.Empty, StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal);
        }

        var type = match.Groups["type"].Value;
        var kind = type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : type.Contains("DateTimeOffset", StringComparison.Ordinal) ? "a date and time (ISO 8601)"
            : "a valid value";
        return $"{match.Groups["option"].Value}: '{match.Groups["value"].Value}' is not {kind}.";
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex CannotParse();
}
