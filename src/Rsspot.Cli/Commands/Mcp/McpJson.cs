using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Rsspot.Services;
using Rsspot.Workflows;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Source-generated JSON for the SDK's summaries in tool results (snake_case, as <c>-o json</c>): no
/// reflection-based serialization, so the tool stays trimming- and Native AOT-clean.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(OrganizationRef[]))]
[JsonSerializable(typeof(RegionSummary[]))]
[JsonSerializable(typeof(ServerClassSummary[]))]
[JsonSerializable(typeof(CloudspaceSummary[]))]
[JsonSerializable(typeof(SpotNodePoolSummary[]))]
[JsonSerializable(typeof(OnDemandNodePoolSummary[]))]
[JsonSerializable(typeof(VmCloudspaceSnapshot[]))]
[JsonSerializable(typeof(OrganizationEvent[]))]
internal sealed partial class McpJson : JsonSerializerContext;
