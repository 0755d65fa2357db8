using System.CommandLine;
using System.Text.RegularExpressions;

namespace Rsspot.Cli.Infrastructure;

/// <summary>Turns "Unrecognized command or argument 'regoins'" into a "Did you mean 'regions'?" hint from the command's own words.</summary>
internal static partial class TypoHint
{
    /// <summary>The hint (with a leading space) for a parse error of <paramref name="command"/>, or an empty string.</summary>
    public static string For(string parseError, Command command)
    {
        var match = Unrecognized().Match(parseError);
        if (!match.Success)
        {
            return string.Empty;
        }

        var typed = match.Groups["word"].Value;
        var words = typed.StartsWith('-')
            ? OptionsInScope(command).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        var nearest = NameSuggestion.Find(typed, words.Distinct(StringComparer.Ordinal));
        return nearest is null ? string.Empty : $" Did you mean '{nearest}'?";
    }

    // The command's own options and the recursive (global) ones of the commands above it.
    private static IEnumerable<Option> OptionsInScope(Command command)
    {
        foreach (var option in command.Options)
        {
            yield return option;
        }

        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in parent.Options.Where(o => o.Recursive))
            {
                yield return option;
            }
        }
    }

    [GeneratedRegex("^Unrecognized command or argument '(?<word>[^']+)'")]
    private static partial Regex Unrecognized();
}
