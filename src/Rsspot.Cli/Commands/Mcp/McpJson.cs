using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Source-generated JSON for the nodes handed to the protocol library: no reflection, so the tool stays trimming- and Native AOT-clean.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class McpJson : JsonSerializerContext;
