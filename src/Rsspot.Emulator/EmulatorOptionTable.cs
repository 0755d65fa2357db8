using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Rsspot.Emulator;

/// <summary>
/// The emulator's options, each defined once: its name, its value, its help line and what it sets. The help text
/// and the System.CommandLine parser are both made from this table.
/// </summary>
internal static class EmulatorOptionTable
{
    /// <summary>A fresh table (a System.CommandLine option belongs to the one command it is added to).</summary>
    public static EmulatorOption[] Create() =>
    [
        Whole("--port", "<n>", $"TCP port on 127.0.0.1 (default {EmulatorCommandLine.DefaultPort}; 0 picks a free one)", 0, 65535, (o, _, v) => o.Port = v),
        Text("--refresh-token", "<value>", $"refresh token to accept (default {EmulatorOptions.DefaultRefreshToken})", (o, _, v) => o.RefreshToken = v),
        Text("--org", "<name>", $"name of your first organization (default {EmulatorOptions.DefaultOrganizationName})", (o, _, v) => o.OrganizationName = v),
        Text("--client-id", "<id>", "an OAuth client id accepted besides the public one", (o, _, v) => o.ClientId = v),
        Whole("--token-lifetime", "<s>", "id_token lifetime in seconds (default 3600)", 1, int.MaxValue, (o, _, v) => o.TokenLifetime = TimeSpan.FromSeconds(v)),
        Whole("--kube-token-ttl", "<s>", "lifetime of the token in a generated kubeconfig, in seconds (default 3600)", 1, 604_800, (o, _, v) => o.KubeTokenLifetime = TimeSpan.FromSeconds(v)),
        Whole("--ready-after", "<s>", $"seconds a new cloudspace stays Provisioning (default {EmulatorCommandLine.DefaultReadyAfterSeconds}; 0 = at once)", 0, int.MaxValue, (o, _, v) => o.ReadyAfter = TimeSpan.FromSeconds(v)),
        Text("--data", "<file>", "keep the state in this JSON file across restarts (default: in memory)", (o, _, v) => o.DataFile = v),
        Whole("--org-page-size", "<n>", "organizations per page (default 2)", 1, 1000, (o, _, v) => o.OrganizationPageSize = v),
        Whole("--market-seed", "<n>", "move prices on a seeded, repeatable schedule (default: fixed prices)", int.MinValue, int.MaxValue, (o, _, v) => o.MarketSeed = v),
        Whole("--market-step-seconds", "<s>", "seconds between two auctions of the seeded market (default 60)", 1, 86_400, (o, _, v) => o.MarketStep = TimeSpan.FromSeconds(v)),
        Whole("--vm-count", "<n>", "seed n VMs spread over VM cloudspaces (250 each) and pools (default: 3 in one)", 0, 100_000, (o, _, v) => o.VmCount = v),
        Whole("--deletion-grace", "<s>", "seconds a deleted cloudspace or pool stays Terminating before it is gone (default 0)", 0, 86_400, (o, _, v) => o.DeletionGracePeriod = TimeSpan.FromSeconds(v)),
        Whole("--continue-lifetime", "<s>", "seconds a list's continue value stays valid (default 300)", 1, 86_400, (o, _, v) => o.ContinueLifetime = TimeSpan.FromSeconds(v)),
        Whole("--latency-ms", "<ms>", "delay added to every request", 0, 600_000, (_, f, v) => f.LatencyMs = v, fault: true),
        Share("--fail-rate", "<0..1>", "share of requests answered with --fail-status", (_, f, v) => f.FailRate = v, fault: true),
        Whole("--fail-count", "<n>", "answer the next n requests with --fail-status", 0, int.MaxValue, (_, f, v) => f.FailCount = v, fault: true),
        Whole("--fail-status", "<code>", "500, 502, 503 or 504 (default 503)", 500, 504, (_, f, v) => f.FailStatus = v, fault: true),
        Share("--rate-limit-rate", "<0..1>", "share of requests answered 429", (_, f, v) => f.RateLimitRate = v, fault: true),
        Whole("--rate-limit-count", "<n>", "answer the next n requests 429", 0, int.MaxValue, (_, f, v) => f.RateLimitCount = v, fault: true),
        Whole("--retry-after", "<s>", "Retry-After of a 429 (default 1)", 0, 86_400, (_, f, v) => f.RetryAfterSeconds = v, fault: true),
        Share("--drop-rate", "<0..1>", "share of requests whose connection is dropped", (_, f, v) => f.DropRate = v, fault: true),
        Whole("--drop-count", "<n>", "drop the connection of the next n requests", 0, int.MaxValue, (_, f, v) => f.DropCount = v, fault: true),
        Text("--fault-path", "<prefix>", "limit faults to paths starting with this prefix", (_, f, v) => f.PathPrefix = v, fault: true),
        Text("--fault-method", "<method>", "limit faults to this HTTP method", (_, f, v) => f.Method = v.ToUpperInvariant(), fault: true),
    ];

    /// <summary>
    /// Parses <paramref name="args"/> with System.CommandLine; <paramref name="help"/> says whether -h, --help or -?
    /// was given (it wins over any error). Throws <see cref="ArgumentException"/> naming the first bad option.
    /// </summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args, out bool help)
    {
        var table = Create();
        var helpOption = new Option<bool>("--help", "-h", "-?") { Arity = ArgumentArity.Zero };
        var command = new Command("rsspot-emulator") { helpOption };
        foreach (var option in table)
        {
            command.Options.Add(option.Option);
        }

        // No response files: a value may start with '@' (a token, a path).
        var parse = command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var options = new EmulatorOptions { Port = EmulatorCommandLine.DefaultPort, ReadyAfter = TimeSpan.FromSeconds(EmulatorCommandLine.DefaultReadyAfterSeconds) };
        help = parse.GetResult(helpOption) is { Implicit: false };
        if (help)
        {
            return options;
        }

        if (FirstError(parse) is { } error)
        {
            throw new ArgumentException(error);
        }

        var faults = new FaultSettings();
        foreach (var option in table.Where(o => parse.GetResult(o.Option) is { Implicit: false }))
        {
            option.Apply(parse, options, faults);
        }

        try
        {
            faults.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("option --fail-status: " + ex.Message, ex);
        }

        options.Faults = faults.IsEmpty ? null : faults;
        return options;
    }

    /// <summary>The help lines of the plain options or of the fault options.</summary>
    public static string HelpLines(bool fault) =>
        string.Join("\n", Create().Where(o => o.Fault == fault).Select(o => "  " + (o.Option.Name + " " + o.Value).PadRight(24) + " " + o.Option.Description));

    // System.CommandLine's own messages are localized; these name the option the way the table does.
    private static string? FirstError(ParseResult parse)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            return $"unknown option {parse.UnmatchedTokens[0]}";
        }

        var first = parse.Errors[0];
        return first.SymbolResult is OptionResult { Tokens.Count: 0 } missing
            ? $"option {missing.IdentifierToken?.Value ?? missing.Option.Name} needs a value"
            : first.Message;
    }

    private static EmulatorOption Whole(string name, string value, string help, int min, int max, Action<EmulatorOptions, FaultSettings, int> set, bool fault = false) =>
        Define(name, value, help, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"option {name} expects a whole number from {min} to {max}, not '{text}'"), set, fault);

    private static EmulatorOption Share(string name, string value, string help, Action<EmulatorOptions, FaultSettings, double> set, bool fault = false) =>
        Define(name, value, help, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= 1
            ? d
            : throw new ArgumentException($"option {name} expects a share from 0 to 1, not '{text}'"), set, fault);

    private static EmulatorOption Text(string name, string value, string help, Action<EmulatorOptions, FaultSettings, string> set, bool fault = false) =>
        Define(name, value, help, text => string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"option {name} needs a non-empty value") : text, set, fault);

    private static EmulatorOption Define<T>(string name, string value, string help, Func<string, T> convert, Action<EmulatorOptions, FaultSettings, T> set, bool fault)
    {
        var option = new Option<T>(name)
        {
            Description = help,
            HelpName = value.Trim('<', '>'),

            // One value per occurrence; given twice, the last one counts.
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => ParseValue(result, convert),
        };
        return new EmulatorOption(option, value, fault, (parse, options, faults) => set(options, faults, parse.GetValue(option)!));
    }

    private static T ParseValue<T>(ArgumentResult result, Func<string, T> convert)
    {
        if (result.Tokens.Count == 0)
        {
            return default!;
        }

        try
        {
            return convert(result.Tokens[^1].Value);
        }
        catch (ArgumentException ex)
        {
            result.AddError(ex.Message);
            return default!;
        }
    }
}
