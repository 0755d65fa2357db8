using System.CommandLine;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// A resource name given as our positional argument or as a flag (<c>--name</c>, as the Python rsspot and
/// spotctl spell it), never both.
/// </summary>
internal sealed class NameInput
{
    private readonly string _noun;

    public NameInput(string argumentName, string noun, string flag = "--name")
    {
        _noun = noun;
        Argument = new Argument<string?>(argumentName) { Description = $"{Capitalised(noun)} (or {flag})", Arity = ArgumentArity.ZeroOrOne };
        Option = new Option<string?>(flag) { Description = $"{Capitalised(noun)} (instead of the <{argumentName}> argument)", HelpName = argumentName };
    }

    public Argument<string?> Argument { get; }

    public Option<string?> Option { get; }

    public Symbol[] Symbols => [Argument, Option];

    /// <summary>The name from either place; null when neither was given.</summary>
    public string? Find(ParseResult parse)
    {
        var positional = parse.GetValue(Argument);
        var flagged = parse.GetValue(Option);
        if (positional is not null && flagged is not null)
        {
            throw new CliUsageException($"<{Argument.Name}> and {Option.Name}: give the {_noun} once, as an argument or with {Option.Name}.");
        }

        return positional ?? flagged;
    }

    /// <summary>Whether the name came as the positional argument (the Python rsspot's form) rather than the flag.</summary>
    public bool GivenAsArgument(ParseResult parse) => parse.GetValue(Argument) is not null;

    /// <summary>The name; a usage error when it is missing.</summary>
    public string Get(ParseResult parse) =>
        Find(parse) ?? throw new CliUsageException($"<{Argument.Name}>: give the {_noun} as an argument or with {Option.Name}.");

    private static string Capitalised(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
