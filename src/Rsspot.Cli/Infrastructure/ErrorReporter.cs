using Rsspot.State;
using Rsspot.Workflows;

namespace Rsspot.Cli.Infrastructure;

/// <summary>Turns an exception into one stderr line and an exit code; --verbose adds the type and inner cause.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception error, TextWriter stderr, bool verbose)
    {
        var (code, message) = Describe(error);
        var line = "error: " + OneLine(message);
        if (verbose)
        {
            line += $" [{error.GetType().Name}{(error.InnerException is { } inner ? $"; cause {inner.GetType().Name}{Cause(inner)}" : string.Empty)}]";
        }

        stderr.WriteLine(line);
        return code;
    }

    public static (int Code, string Message) Describe(Exception error) => error switch
    {
        CliUsageException usage => (ExitCodes.Usage, usage.Message),
        CloudspaceCreationException { InnerException: { } pool } creation => (Describe(pool).Code, creation.Message + (creation.CloudspaceDeleted ? " Use --keep-on-failure to keep it next time." : string.Empty)),
        ArgumentException argument => (ExitCodes.Usage, FlagNames.Describe(argument)),
        ConfigException or StateStoreException => (ExitCodes.Config, error.Message),
        AuthException => (ExitCodes.Auth, error.Message),
        SpotApiException => (ExitCodes.Api, error.Message),
        SpotTransportException => (ExitCodes.Transport, error.Message),
        HttpRequestException http => (ExitCodes.Transport, $"The request failed before an answer arrived: {http.Message} Check the network and base_url (--verbose shows each request)."),
        OperationCanceledException => (ExitCodes.Cancelled, error.Message.Length > 0 ? error.Message : "Cancelled."),
        IllegalTransitionException or RegistrationConflictException or RegistrationNotFoundException => (ExitCodes.Other, error.Message),
        _ => (ExitCodes.Other, error.Message),
    };

    /// <summary>
    /// The cause's own message, unless it is a server's error answer (a Kiota <c>ApiException</c>): its text is already
    /// in the SDK's message, cleaned and with secrets masked, and may echo a token as the server wrote it.
    /// </summary>
    private static string Cause(Exception inner) =>
        inner is Microsoft.Kiota.Abstractions.ApiException ? string.Empty : ": " + Rsspot.Security.ServerText.Redact(inner.Message);

    /// <summary>One line without control characters: messages carry what servers wrote, and stderr may be a terminal.</summary>
    private static string OneLine(string text) => Rsspot.Security.ServerText.Clean(text);
}
