using System.Text.Json.Nodes;

namespace Rsspot.Cli.Input;

/// <summary>Resolves a schema's <c>$ref</c> within its own document (<c>#/$defs/count</c>).</summary>
internal static class SchemaReference
{
    /// <summary>The node <paramref name="reference"/> points to in <paramref name="document"/>.</summary>
    /// <exception cref="InvalidOperationException">The reference leaves the document or points nowhere.</exception>
    public static JsonNode Resolve(JsonObject document, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            throw new InvalidOperationException($"The schema's $ref {reference} is not in the same document.");
        }

        JsonNode? target = document;
        foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = target?[Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return target ?? throw new InvalidOperationException($"The schema's $ref {reference} points nowhere.");
    }
}
