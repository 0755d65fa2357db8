using System.Text;

namespace Rsspot.SpecTool;

/// <summary>Renders the operation inventory of a document as a Markdown table.</summary>
internal static class OperationIndex
{
    public static string ToMarkdown(SpecDocument spec)
    {
        var text = new StringBuilder();
        text.AppendLine("| method | path | operationId | tags | auth | host |");
        text.AppendLine("|---|---|---|---|---|---|");
        var defaultHost = spec.Document.Servers.FirstOrDefault()?.Url ?? string.Empty;
        foreach (var op in spec.Operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal))
        {
            var servers = op.Operation.Servers.Count > 0 ? op.Operation.Servers : op.PathItem.Servers;
            var host = servers.FirstOrDefault()?.Url ?? defaultHost;
            var tags = string.Join(", ", op.Operation.Tags.Select(t => t.Name));
            var auth = IsUnauthenticated(spec, op) ? "none" : "bearer";
            text.AppendLine($"| {op.Method} | `{op.Path}` | {op.Operation.OperationId} | {tags} | {auth} | {host} |");
        }

        text.AppendLine();
        text.AppendLine($"{spec.Operations.Count()} operations.");
        return text.ToString();
    }

    public static bool IsUnauthenticated(SpecDocument spec, SpecOperation op)
    {
        // The reader cannot tell an absent list from an empty one, so unauthenticated operations say `security: [{}]`.
        var requirements = op.Operation.Security.Count > 0 ? op.Operation.Security : spec.Document.SecurityRequirements;
        return requirements.Count == 0 || requirements.All(r => r.Count == 0);
    }
}
