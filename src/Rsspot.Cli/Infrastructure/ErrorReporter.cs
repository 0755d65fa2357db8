using Rsspot.State;
using Rsspot.Workflows;

namespace Rsspot.Cli.Infrastructure;

/// <summary>Turns an exception into one stderr line and an exit code; --verbose adds the type and inner cause.</summary>
internal static class ErrorReporter
{
    /// <summary>The longest error line without --verbose, in characters (as the README documents); --verbose prints it whole.</summary>
    public const int MaxLineLength = 1000;

    /// <summary>Writes the error line (passed through <paramref name="redact"/>, which masks the secrets the invocation knows) and returns the exit code.</summary>
    public static int Report(Exception error, TextWriter stderr, bool verbose, System.CommandLine.ParseResult? parse = null, Func<string, string>? redact = null)
    {
        var (code, message) = Describe(error, parse);
        var line = "error: " + OneLine(message);
        if (verbose)
        {
            line += $" [{error.GetType().Name}{(error.InnerException is { } inner ? $"; cause {inner.GetType().Name}{Cause(inner)}" : string.Empty)}]";
        }

        // Masked before it is cut, so a cut never leaves half a secret showing.
        line = redact is null ? line : redact(line);
        if (!verbose && line.Length > MaxLineLength)
        {
            var cut = char.IsHighSurrogate(line[MaxLineLength - 1]) ? MaxLineLength - 1 : MaxLineLength;
            line = line[..cut] + $"\u2026 ({line.Length - cut} more characters; --verbose shows the whole message)";
        }

        stderr.WriteLine(line);
        return code;
    }

    public static (int Code, string Message) Describe(Exception error, System.CommandLine.ParseResult? parse = null) => error switch
    {
        CliUsageException usage => (ExitCodes.Usage, usage.Message),
        NotConfirmedException => (ExitCodes.Other, error.Message),
        CloudspaceCreationException { InnerException: OperationCanceledException } interrupted => (ExitCodes.Cancelled, Interrupted(interrupted)),
        CloudspaceCreationException { CloudspaceDeleted: false } left => (Describe(left.InnerException!, parse).Code, left.Message + $" Remove it with: rsspot cloudspaces delete {left.Cloudspace} --yes"),
        CloudspaceCreationException { InnerException: { } pool } creation => (Describe(pool, parse).Code, creation.Message + (creation.CloudspaceDeleted ? " Use --keep-on-failure to keep it next time." : string.Empty)),
        ArgumentException argument => (ExitCodes.Usage, FlagNames.Describe(argument, parse)),
        ConfigException config => (ExitCodes.Config, config.Message + CliAdvice.For(config)),
        StateStoreException => (ExitCodes.Config, error.Message),
        AuthException => (ExitCodes.Auth, error.Message + CliAdvice.NewRefreshToken),
        SpotApiException api => (ExitCodes.Api, api.Message + CliAdvice.For(api)),
        TimeoutException when parse?.CommandResult.Command.Options.Any(o => o.Name == "--timeout") == true => (ExitCodes.Other, error.Message + " (--timeout sets how long to wait)"),
        SpotTransportException => (ExitCodes.Transport, error.Message),
        HttpRequestException http => (ExitCodes.Transport, $"The request failed before an answer arrived: {http.Message} Check the network and base_url (--verbose shows each request)."),
        OperationCanceledException => (ExitCodes.Cancelled, error.Message.Length > 0 ? error.Message : "Cancelled."),
        IllegalTransitionException or RegistrationConflictException => (ExitCodes.Conflict, error.Message),
        RegistrationNotFoundException => (ExitCodes.Other, error.Message),
        _ => (ExitCodes.Other, error.Message),
    };

    private static string Interrupted(CloudspaceCreationException e) => e.CloudspaceDeleted
        ? $"Interrupted while creating the node pools of cloudspace \"{e.Cloudspace}\": it was deleted again with the {e.PoolsCreated} pool(s) created so far, so nothing is left behind."
        : $"Interrupted while creating the node pools of cloudspace \"{e.Cloudspace}\": cloudspace \"{e.Cloudspace}\" still exists with {e.PoolsCreated} pool(s){(e.KeptOnRequest ? " (kept as --keep-on-failure asked)" : ", as deleting it again did not finish within " + CreateCleanup.BudgetText)}. Remove it with: rsspot cloudspaces delete {e.Cloudspace} --yes";

    /// <summary>
    /// The cause's own message, unless it is a server's error answer (a Kiota <c>ApiException</c>): its text is already
    /// in the SDK's message, cleaned and with secrets masked, and may echo a token as the server wrote it.
    /// </summary>
    private static string Cause(Exception inner) =>
        inner is Microsoft.Kiota.Abstractions.ApiException ? string.Empty : ": " + Rsspot.Security.ServerText.Redact(inner.Message);

    /// <summary>One line without control characters: messages carry what servers wrote, and stderr may be a terminal.</summary>
    private static string OneLine(string text) => Rsspot.Security.ServerText.Clean(text);
}
