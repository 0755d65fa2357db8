namespace Rsspot.Cli.Commands.Mcp;

/// <summary>A tool's arguments cannot be used together, or a confirmation is missing; the message says which and what to give.</summary>
internal sealed class ToolInputException(string message) : Exception(message);
