using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Diagnostics;
using Rsspot.Cli.Commands;
using Rsspot.State;

namespace Rsspot.Cli.Infrastructure;

/// <summary>Parses, runs, maps failures to exit codes, and records the invocation in state.db.</summary>
internal static class CliApp
{
    /// <summary>Runs one invocation against <paramref name="host"/>; <paramref name="cancellationToken"/> stands in for a signal when there is no <see cref="Interrupts"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var at = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var output = host.Out;
        var error = host.Error;
        var interrupts = host.Interrupts;
        using var session = new CliSession(host);
        args = HelpWords(args);
        var root = CommandTree.Build(session, args);
        var parse = root.Parse(args);
        session.Parse = parse;
        session.Args = args;

        int exit;
        if (parse.Action is ParseErrorAction)
        {
            exit = ReportParseError(parse, error);
        }
        else if (parse.Action is HelpAction && UnknownCommand(parse, args) is { } unknown)
        {
            // `rsspot nosuch --help`: help for a command that does not exist is an error, not the root's help.
            error.WriteLine($"error: '{unknown}' is not an rsspot command. See 'rsspot --help'.");
            exit = ExitCodes.Usage;
        }
        else
        {
            try
            {
                var helpOutput = parse.Action is HelpAction ? new CommandNameWriter(output, root.Name) : output;
                if (parse.Action is HelpAction help)
                {
                    // Its default, Console.WindowWidth, initializes the terminal (see TerminalModes).
                    help.MaxWidth = HelpWidth(host);
                }

                // Signals are handled by Interrupts: System.CommandLine's own handling ends the process 2 s after Ctrl-C,
                // cutting a rollback short without a word.
                var configuration = new InvocationConfiguration { Output = helpOutput, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
                exit = await parse.InvokeAsync(configuration, interrupts?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OutputClosedException || ex.InnerException is OutputClosedException)
            {
                // The reader of stdout went away (`| head -1`): what it wanted is written.
                exit = ExitCodes.Ok;
            }
            catch (OperationCanceledException ex) when (interrupts?.Requested == true && IsBareCancellation(ex))
            {
                error.WriteLine("Interrupted.");
                exit = ExitCodes.Cancelled;
            }
            catch (Exception ex)
            {
                if (ex is StateStoreException)
                {
                    session.StateProblemShown();
                }

                exit = ErrorReporter.Report(ex, error, SafeVerbose(session), parse, session.Redactor.RedactText);
            }
        }

        if (session.CommandRan || parse.Action is ParseErrorAction)
        {
            RecordHistory(session, parse, args, exit, at, Stopwatch.GetElapsedTime(started));
        }

        return exit;
    }

    /// <summary>
    /// <c>rsspot</c> alone and <c>rsspot help [command...]</c> (spotctl's form) show the help, as <c>--help</c> does.
    /// </summary>
    private static string[] HelpWords(string[] args) => args switch
    {
        [] => ["--help"],
        ["help", .. var rest] => [.. rest, "--help"],
        _ => args,
    };

    private static string? UnknownCommand(ParseResult parse, string[] args)
    {
        if (parse.UnmatchedTokens.Count > 0)
        {
            return parse.UnmatchedTokens[0];
        }

        var words = args.TakeWhile(a => !a.StartsWith('-')).ToList();
        return parse.CommandResult.Command is RootCommand && words.Count > 0 ? words[0] : null;
    }

    private static int HelpWidth(CliHost host) => !host.Terminal.StdoutIsTerminal ? int.MaxValue :
        int.TryParse(host.Environment.Get("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns is >= 40 and <= 1000
            ? columns
            : 100;

    // A cancellation with no message of its own (.NET's "A task was canceled.") says nothing worth printing.
    private static bool IsBareCancellation(OperationCanceledException ex) =>
        ex.Message is "A task was canceled." or "The operation was canceled." || ex.Message.Length == 0;

    private static int ReportParseError(ParseResult parse, TextWriter error)
    {
        // An unknown word explains more than the "required command" error it also causes.
        var first = parse.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First().Message;
        var path = CommandPath(parse);
        var hint = TypoHint.For(first, parse.CommandResult.Command);
        error.WriteLine($"error: {ParseErrors.Friendly(first)}{hint} See 'rsspot {(path.Length == 0 ? string.Empty : path + " ")}--help'.");
        return ExitCodes.Usage;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    // The --profile and --region given (the columns the Python rsspot fills), when the command line parsed.
    private static (string? Profile, string? Region) HistoryContext(CliSession session)
    {
        try
        {
            return (session.ProfileName, session.Region);
        }
        catch (InvalidOperationException)
        {
            return (null, null);
        }
    }

    private static bool SafeVerbose(CliSession session)
    {
        try
        {
            return session.Verbose;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// History must never fail the command: a state.db that cannot be used is reported once (with the fix) and
    /// skipped. Arguments are redacted here, before they reach the file.
    /// </summary>
    private static void RecordHistory(CliSession session, ParseResult parse, string[] args, int exit, DateTimeOffset at, TimeSpan duration)
    {
        try
        {
            var command = CommandPath(parse);
            var safeArgs = session.Redactor.Redact(args);
            var (profile, region) = HistoryContext(session);
            void Record(StateStore store) => store.History.Record(command.Length == 0 ? "rsspot" : command, safeArgs, exit, at, duration, profile, region: region);

            if (session.OpenedState is { } shared)
            {
                if (shared.Fault is { } fault)
                {
                    session.ReportStateProblem(fault);
                    return;
                }

                Record(shared);
                return;
            }

            var statePath = session.TryStatePath();
            if (statePath is null)
            {
                return;
            }

            using var store = StateStore.Open(statePath);
            Record(store);
        }
        catch (StateStoreException ex)
        {
            session.ReportStateProblem(ex);
        }
#pragma warning disable CA1031 // Recording history is best effort by design.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (SafeVerbose(session))
            {
                session.Err.WriteLine($"note: command history not recorded: {session.Redactor.RedactText(ex.Message)}");
            }
        }
    }
}
