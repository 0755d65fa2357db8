using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace RegistrationController;

/// <summary>
/// The controller's options for System.CommandLine, one definition per option: its name (and alias) and what it sets
/// on <see cref="ControllerOptions"/>. <see cref="ControllerOptions.Usage"/> describes them.
/// </summary>
internal static class ControllerCommandLine
{
    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a readable message on bad input.</summary>
    public static ControllerOptions Parse(IReadOnlyList<string> args)
    {
        List<ControllerOption> table =
        [
            Text("--state", (o, v) => o with { StatePath = Path.GetFullPath(v) }),
            Text("--postgres", (o, v) => o with { Postgres = v }),
            Text("--schema", (o, v) => o with { Schema = v }),
            Text("--worker-id", (o, v) => o with { WorkerId = v }),
            Number("--lease-seconds", (o, n) => o with { Lease = TimeSpan.FromSeconds(Math.Max(1, n)) }),
            Number("--batch", (o, n) => o with { Batch = Math.Max(1, n) }),
            Number("--max-attempts", (o, n) => o with { MaxAttempts = Math.Max(1, n) }),
            Number("--step-delay-ms", (o, n) => o with { StepDelay = TimeSpan.FromMilliseconds(n) }),
            Number("--round-delay-ms", (o, n) => o with { RoundDelay = TimeSpan.FromMilliseconds(n) }),
            Flag("--watch", o => o with { Watch = true }),
            Text("--cluster", (o, v) => o with { Cluster = v }),
            Text("--omni-journal", (o, v) => o with { OmniJournalPath = Path.GetFullPath(v) }),
            Number("--fail-submits", (o, n) => o with { FailSubmits = n }),
            Number("--omni-latency-ms", (o, n) => o with { OmniDelay = TimeSpan.FromMilliseconds(n) }, "--omni-delay-ms"),
            Text("--emulator-url", (o, v) => o with { EmulatorUrl = v.TrimEnd('/') }),
            Text("--emulator-data", (o, v) => o with { EmulatorDataFile = Path.GetFullPath(v) }),
            Flag("--use-config", o => o with { UseConfig = true }),
            Text("--profile", (o, v) => o with { Profile = v }),
            Text("--config", (o, v) => o with { ConfigPath = v }),
            Text("--base-url", (o, v) => o with { BaseUrl = v }),
            Text("--oauth-url", (o, v) => o with { OAuthUrl = v }),
            Text("--refresh-token", (o, v) => o with { RefreshToken = v }),
            Text("--org", (o, v) => o with { Org = v }),
            Flag("--help", o => o with { ShowHelp = true }, "-h"),
        ];

        var command = new Command("RegistrationController");
        table.ForEach(o => command.Options.Add(o.Option));

        // No response files: a value may start with '@'.
        var parse = command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (FirstError(parse) is { } error)
        {
            throw new FormatException(error);
        }

        return table.Where(o => parse.GetResult(o.Option) is { Implicit: false }).Aggregate(new ControllerOptions(), (options, o) => o.Apply(options, parse));
    }

    // System.CommandLine's own messages are localized; these name the option as it was typed.
    private static string? FirstError(ParseResult parse)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            return $"Unknown option '{parse.UnmatchedTokens[0]}'. Run with --help for the list.";
        }

        var first = parse.Errors[0];
        return first.SymbolResult is OptionResult { Tokens.Count: 0 } missing
            ? $"{Typed(missing)} needs a value."
            : first.Message;
    }

    private static ControllerOption Text(string name, Func<ControllerOptions, string, ControllerOptions> set) =>
        Define(name, [], result => result.Tokens[^1].Value, set);

    private static ControllerOption Number(string name, Func<ControllerOptions, int, ControllerOptions> set, params string[] aliases) =>
        Define(name, aliases, WholeNumber, set);

    private static ControllerOption Flag(string name, Func<ControllerOptions, ControllerOptions> set, params string[] aliases)
    {
        var option = new Option<bool>(name, aliases) { Arity = ArgumentArity.Zero };
        return new ControllerOption(option, (o, _) => set(o));
    }

    private static ControllerOption Define<T>(string name, string[] aliases, Func<ArgumentResult, T> parse, Func<ControllerOptions, T, ControllerOptions> set)
    {
        var option = new Option<T>(name, aliases)
        {
            // One value per occurrence; given twice, the last one counts.
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => result.Tokens.Count == 0 ? default! : parse(result),
        };
        return new ControllerOption(option, (o, p) => set(o, p.GetValue(option)!));
    }

    private static int WholeNumber(ArgumentResult result)
    {
        if (int.TryParse(result.Tokens[^1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        result.AddError($"{Typed((OptionResult)result.Parent!)} needs a whole number ≥ 0.");
        return 0;
    }

    private static string Typed(OptionResult option) => option.IdentifierToken?.Value ?? option.Option.Name;

    private sealed record ControllerOption(Option Option, Func<ControllerOptions, ParseResult, ControllerOptions> Apply);
}
