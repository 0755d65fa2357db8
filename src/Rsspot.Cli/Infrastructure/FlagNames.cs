using System.CommandLine;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// Turns the SDK's structured validation data (<see cref="ArgumentException.ParamName"/>) into a hint that
/// names what the user typed on this command: the flag spelling they used (<c>--bidprice</c> or
/// <c>--bid-price</c>), or the argument. A parameter with no flag on the command is shown without one.
/// </summary>
internal static partial class FlagNames
{
    // SDK parameter -> the flags or <arguments> that set it, in order of preference.
    private static readonly Dictionary<string, string[]> Inputs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bidPrice"] = ["--bid-price"],
        ["serverClass"] = ["--serverclass", "--server-class"],
        ["autoscaling"] = ["--autoscale-min", "--autoscale-max"],
        ["pools"] = ["--spot-nodepool", "--ondemand-nodepool", "--file"],
        ["name"] = ["<name>", "--name"],
        ["MinVcpu"] = ["--min-vcpu"],
        ["MaxVcpu"] = ["--max-vcpu"],
        ["serverClassName"] = ["<class>", "--serverclass"],
        ["path"] = ["--file", "--path"],
        ["json"] = ["--payload-json"],
        ["regions"] = ["--region", "--regions", "--in-region"],
        ["families"] = ["--family", "--class", "--classes"],
        ["generations"] = ["--generation", "--gen"],
        ["category"] = ["--category"],
    };

    // SDK request properties that SDK messages name (PascalCase words) -> the flag that sets them.
    private static readonly Dictionary<string, string> PropertyFlags = new(StringComparer.Ordinal)
    {
        ["Nodes"] = "--nodes",
        ["TotalVcpu"] = "--vcpu",
        ["TotalMemoryGb"] = "--memory-gb",
        ["MinHourly"] = "--min-hourly",
        ["MaxHourly"] = "--max-hourly",
        ["MinMonthly"] = "--min-monthly",
        ["MaxMonthly"] = "--max-monthly",
        ["MinVcpu"] = "--min-vcpu",
        ["MaxVcpu"] = "--max-vcpu",
    };

    /// <summary>The message without the " (Parameter 'x')" that ArgumentException appends (the hint names the input instead).</summary>
    public static string PlainMessage(ArgumentException error)
    {
        // ArgumentOutOfRangeException also appends "\nActual value was 0.": .NET's words, not the user's.
        var message = error is ArgumentOutOfRangeException { ActualValue: not null } && error.Message.LastIndexOf("\nActual value was ", StringComparison.Ordinal) is var at and >= 0
            ? error.Message[..at].TrimEnd()
            : error.Message;
        var suffix = error.ParamName is null ? null : $" (Parameter '{error.ParamName}')";
        return suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    public static string Describe(ArgumentException error, ParseResult? parse)
    {
        var message = PlainMessage(error);
        if (parse is null)
        {
            return message;
        }

        message = WithFlagNames(message, parse);
        if (error.ParamName is null)
        {
            return message;
        }

        var candidates = Inputs.TryGetValue(error.ParamName, out var known) ? known : ["--" + Kebab(error.ParamName)];
        var present = candidates.Select(c => Find(parse, c)).OfType<(string Name, bool Typed)>().ToList();
        var shown = present.Any(p => p.Typed) ? present.Where(p => p.Typed) : present;
        var names = shown.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? message : $"{string.Join('/', names)}: {message}";
    }

    /// <summary>The SDK property names in <paramref name="message"/> replaced by the flags of this command that set them (as typed).</summary>
    private static string WithFlagNames(string message, ParseResult parse) =>
        SdkPropertyName().Replace(message, match =>
            PropertyFlags.TryGetValue(match.Value, out var flag) && Find(parse, flag) is { } found ? found.Name : match.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:Nodes|TotalVcpu|TotalMemoryGb|MinHourly|MaxHourly|MinMonthly|MaxMonthly|MinVcpu|MaxVcpu)\b")]
    private static partial System.Text.RegularExpressions.Regex SdkPropertyName();

    /// <summary>The spelling the user typed for <paramref name="option"/>, or its name when it was not typed.</summary>
    public static string TypedName(this ParseResult parse, Option option) =>
        parse.GetResult(option)?.IdentifierToken?.Value is { Length: > 0 } typed ? typed : option.Name;

    /// <summary>How <paramref name="input"/> appears on the parsed command (and whether the user gave it), or null when the command has no such input.</summary>
    private static (string Name, bool Typed)? Find(ParseResult parse, string input)
    {
        var command = parse.CommandResult.Command;
        if (input.StartsWith('<'))
        {
            var name = input[1..^1];
            var argument = command.Arguments.FirstOrDefault(a => a.Name == name);
            if (argument is null)
            {
                return null;
            }

            // A name given with --name is reported as --name.
            var nameOption = command.Options.FirstOrDefault(o => o.Name == "--name");
            return nameOption is not null && parse.GetResult(nameOption) is { Implicit: false } ? ("--name", true) : (input, parse.GetResult(argument) is not null);
        }

        var option = AllOptions(parse.CommandResult).FirstOrDefault(o => o.Name == input || o.Aliases.Contains(input));
        if (option is null)
        {
            return null;
        }

        return parse.GetResult(option) is { Implicit: false } ? (parse.TypedName(option), true) : (option.Name, false);
    }

    private static IEnumerable<Option> AllOptions(System.CommandLine.Parsing.CommandResult result)
    {
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
            {
                foreach (var option in c.Command.Options)
                {
                    yield return option;
                }
            }
        }
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
