using System.Text;
using System.Text.RegularExpressions;
using Rsspot.Security;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// The text of a failed tool call: what went wrong in the tool's argument names, with the server's own reason when
/// it gave one; credentials masked, control and bidirectional-override characters removed, one line, at most
/// <see cref="MaxLength"/> characters.
/// </summary>
internal static partial class ToolErrors
{
    /// <summary>The longest error text a tool returns.</summary>
    public const int MaxLength = 1000;

    private const string CutNote = " [cut: message too long]";

    /// <summary>The SDK's names for values a tool takes as arguments.</summary>
    private static readonly Dictionary<string, string> ArgumentNames = new(StringComparer.Ordinal)
    {
        ["Nodes"] = "nodes",
        ["TotalVcpu"] = "vcpu",
        ["TotalMemoryGb"] = "memory_gb",
        ["MaxHourly"] = "max_hourly",
        ["MaxMonthly"] = "max_monthly",
        ["MinVcpu"] = "min_vcpu",
        ["MaxVcpu"] = "max_vcpu",
        ["BidPrice"] = "bid",
        ["bidPrice"] = "bid",
        ["Desired"] = "desired",
        ["KubernetesVersion"] = "kubernetes_version",
        ["HighAvailability"] = "high_availability",
        ["MinNodes"] = "min_nodes",
        ["MaxNodes"] = "max_nodes",
        ["ServerClass"] = "server_class",
        ["serverClass"] = "server_class",
        ["cloudSpace"] = "cloudspace",
    };

    public static string Message(Exception error)
    {
        var message = error switch
        {
            ToolInputException input => input.Message,
            SpotApiException api => WithServerReason(api),
            ArgumentException argument when argument.ParamName is { } param => argument.Message.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal),
            _ => error.Message,
        };
        return Clean(SdkName().Replace(message, m => ArgumentNames.TryGetValue(m.Value, out var argument) ? argument : m.Value));
    }

    /// <summary>One line without control or bidi characters, secrets masked, cut at <see cref="MaxLength"/>.</summary>
    public static string Clean(string text)
    {
        var clean = ServerText.Redact(text) ?? string.Empty;
        var kept = new StringBuilder(clean.Length);
        foreach (var rune in clean.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format))
            {
                kept.Append(rune.ToString());
            }
        }

        clean = kept.ToString();
        return clean.Length <= MaxLength ? clean : clean[..(MaxLength - CutNote.Length)] + CutNote;
    }

    /// <summary>The SDK's message, plus the server's reason and message when the SDK's does not already say them.</summary>
    private static string WithServerReason(SpotApiException api)
    {
        var message = api.Message;
        if (api.ApiMessage is { Length: > 0 } said && !message.Contains(said, StringComparison.Ordinal))
        {
            message += $" The server said: {said}";
        }

        if (api.Reason is { Length: > 0 } reason && !message.Contains(reason, StringComparison.Ordinal))
        {
            message += $" (reason: {reason})";
        }

        return message;
    }

    [GeneratedRegex(@"\b(Nodes|TotalVcpu|TotalMemoryGb|MaxHourly|MaxMonthly|MinVcpu|MaxVcpu|BidPrice|bidPrice|Desired|KubernetesVersion|HighAvailability|MinNodes|MaxNodes|ServerClass|serverClass|cloudSpace)\b")]
    private static partial Regex SdkName();
}
