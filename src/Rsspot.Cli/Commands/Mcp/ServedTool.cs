using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>A tool as one server serves it: the input schema with the profiles it allows, the check built from that same schema, and its listing.</summary>
internal sealed class ServedTool
{
    public ServedTool(McpTool tool, ProfileAccess access)
    {
        Tool = tool;
        InputSchema = tool.Input.Build(access.Property(tool.Writes));
        Check = new ArgumentCheck(InputSchema, tool.Input.Rules, access.NoProfileReason(tool.Writes));
        Listing = new Tool
        {
            Name = tool.Name,
            Description = tool.Description,
            InputSchema = JsonSerializer.SerializeToElement(InputSchema, McpJson.Default.JsonNode),
            OutputSchema = JsonSerializer.SerializeToElement(Shape.Root(tool.Output), McpJson.Default.JsonNode),
            Annotations = tool.Annotations(),
        };
    }

    public McpTool Tool { get; }

    /// <summary>The published input schema; <see cref="Check"/> evaluates exactly this object.</summary>
    public JsonObject InputSchema { get; }

    public ArgumentCheck Check { get; }

    /// <summary>What <c>tools/list</c> shows.</summary>
    public Tool Listing { get; }
}
