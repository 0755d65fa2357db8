using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Cli.Output;

/// <summary>
/// Masks secrets in printed results (JSON, YAML, tables built from JSON, MCP results) by the SDK's
/// <see cref="SecretPolicy"/>: values under names that hold secrets (<c>refresh_token</c>, <c>apiKey</c>,
/// <c>clientSecret</c>, <c>Authorization</c>, ...), values shaped like secrets and URL passwords. Names that only
/// describe a secret (a pool's <c>sshSecretName</c>, a taint's <c>key</c>) print as they are.
/// </summary>
internal static class OutputRedaction
{
    public static JsonNode? Redact(JsonNode? node) => SecretPolicy.RedactTree(node);
}
