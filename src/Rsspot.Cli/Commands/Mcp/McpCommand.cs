using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary><c>rsspot mcp</c>: Spot for AI agents over the Model Context Protocol (stdio).</summary>
internal static class McpCommand
{
    public static Command Create(CliSession s)
    {
        var allowWrites = new Option<bool>("--allow-writes")
        {
            Description = "Offer the tools that create, update and delete cloudspaces and pools and apply bids (default: read-only)",
        };
        var command = Cmd.New(
            "mcp",
            """
            Serve the Model Context Protocol over stdio, for AI agents (Claude Desktop, VS Code, Cursor, ...).

            Read-only by default: regions, server classes, prices and history, the cluster builder, cloudspaces,
            node pools, inventory. Kubeconfigs, tokens and config secrets are never returned.
            The global --profile and --org choose the account; each tool also takes a 'profile' argument.

            Examples:
              rsspot mcp
              rsspot mcp --profile prod --allow-writes
            """,
            allowWrites);
        return command.Runs(s, async (p, ct) =>
        {
            using var clients = new ProfileClients(s);
            await new SpotMcpServer(clients, p.GetValue(allowWrites)).RunAsync(ct).ConfigureAwait(false);
        });
    }
}
