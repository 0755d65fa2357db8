using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>One MCP tool: its name, what it is for (read by the agent), its input and output schemas and what it does.</summary>
/// <param name="Name">The tool name, snake_case.</param>
/// <param name="Description">When an agent should use it and what it returns.</param>
/// <param name="Input">The input schema (published and enforced).</param>
/// <param name="Output">The output schema: every result's <c>structuredContent</c> validates against it.</param>
/// <param name="Effect">What it does to the account (its annotations; write tools are listed only with <c>--allow-writes</c>).</param>
/// <param name="Run">The call: arguments in, a JSON object out; exceptions become tool errors.</param>
internal sealed record McpTool(string Name, string Description, ToolSchema Input, JsonObject Output, ToolEffect Effect, Func<ToolCall, CancellationToken, Task<JsonObject>> Run)
{
    /// <summary>Whether it changes the account.</summary>
    public bool Writes => Effect != ToolEffect.Read;

    public static McpTool Read(string name, string description, ToolSchema input, JsonObject output, Func<ToolCall, CancellationToken, Task<JsonObject>> run) =>
        new(name, description, input, output, ToolEffect.Read, run);

    public static McpTool Write(string name, ToolEffect effect, string description, ToolSchema input, JsonObject output, Func<ToolCall, CancellationToken, Task<JsonObject>> run) =>
        new(name, description, input, output, effect, run);

    /// <summary>The hints hosts use to decide whether to ask first.</summary>
    public ToolAnnotations Annotations() => Effect switch
    {
        ToolEffect.Read => new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true },
        ToolEffect.Create => new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true },
        ToolEffect.Change => new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = true, OpenWorldHint = true },
        _ => new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = true },
    };
}
