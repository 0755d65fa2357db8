using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Security;

namespace Rsspot.Cli.Output;

/// <summary>Output pieces the VM commands share: spotctl's message lines, the deletion result and timestamps for tables.</summary>
internal static class VmOutput
{
    /// <summary>
    /// A line spotctl prints on stdout (e.g. <c>✓ VM pool '...' updated successfully</c>): printed as it is when the
    /// command was spelt the spotctl way, as a note in a table, and left out of this tool's own json/yaml.
    /// </summary>
    public static void SpotctlLine(CliSession s, string line)
    {
        if (s.Output.PrintsSpotctlShape)
        {
            s.Out.WriteLine(string.Join('\n', line.Split('\n').Select(l => ServerText.Clean(l))));
        }
        else
        {
            s.Output.Note(line.TrimStart('\n'));
        }
    }

    /// <summary>The result of a delete: spotctl's line, this tool's <c>{deleted, name, status}</c> or a table.</summary>
    public static void Deleted(CliSession s, string kind, string noun, string name, Generated.Api.Models.Status? status)
    {
        if (s.Output.PrintsSpotctlShape)
        {
            SpotctlLine(s, $"{noun} '{name}' deleted successfully");
            return;
        }

        s.Output.Write(
            () => DeletionJson.Summary(kind, name, status),
            () => TableView.Pairs([("deleted", $"{kind} {name}"), ("status", status?.StatusProp ?? "Success")]));
    }

    /// <summary>A creation time for a table (UTC, to the second).</summary>
    public static string When(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The org name for spotctl's <c>org</c> fields, read only when that shape is printed.</summary>
    public static string Org(CliSession s) => s.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(s) : string.Empty;

    /// <summary>The API object of a model.</summary>
    public static JsonNode Node(Microsoft.Kiota.Abstractions.Serialization.IParsable model) => JsonModels.ToNode(model);
}
