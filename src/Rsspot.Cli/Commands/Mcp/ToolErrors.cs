using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>The one-line message of a failed tool call: the SDK's own message (which never holds a credential).</summary>
internal static class ToolErrors
{
    public static string Message(Exception error)
    {
        var message = error switch
        {
            ToolInputException input => input.Message,
            ArgumentException argument when argument.ParamName is { } param => argument.Message.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal),
            TimeoutException timeout => timeout.Message,
            _ => ErrorReporter.Describe(error).Message,
        };
        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
