using System.Text.Json.Nodes;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>One MCP tool: its name, what it is for (read by the agent), its input schema and what it does.</summary>
/// <param name="Name">The tool name, snake_case.</param>
/// <param name="Description">When an agent should use it and what it returns.</param>
/// <param name="Schema">The input schema (a JSON Schema object).</param>
/// <param name="Writes">Whether it changes the account (listed and callable only with <c>--allow-writes</c>).</param>
/// <param name="Run">The call: arguments in, a JSON result out; exceptions become tool errors.</param>
internal sealed record McpTool(string Name, string Description, ToolSchema Schema, bool Writes, Func<ToolCall, CancellationToken, Task<JsonNode?>> Run)
{
    public static McpTool Read(string name, string description, ToolSchema schema, Func<ToolCall, CancellationToken, Task<JsonNode?>> run) =>
        new(name, description, schema, Writes: false, run);

    public static McpTool Write(string name, string description, ToolSchema schema, Func<ToolCall, CancellationToken, Task<JsonNode?>> run) =>
        new(name, description, schema, Writes: true, run);
}
