using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary><c>rsspot mcp</c>: Spot for AI agents over the Model Context Protocol (stdio).</summary>
internal static class McpCommand
{
    /// <param name="AllowWrites">Offer the write tools.</param>
    /// <param name="AllowProfiles">Other profiles the read tools may use, as given (repeatable, comma-separated, <c>*</c>).</param>
    /// <param name="AllowWritesTo">Other profiles the write tools may change, as given.</param>
    internal sealed record Options(bool AllowWrites, IReadOnlyList<string> AllowProfiles, IReadOnlyList<string> AllowWritesTo);

    public static Command Create(CliSession session)
    {
        var allowWrites = new Option<bool>("--allow-writes")
        {
            Description = "Offer the tools that create, update and delete cloudspaces and pools and apply bids (default: read-only)",
        };
        var allowProfiles = Cmd.Repeatable(
            "--allow-profiles",
            "Other profiles of the config file the read tools may use through their 'profile' argument (repeatable or comma-separated; * for any). Default: none, the server uses only its own profile",
            "profiles");
        var allowWritesTo = Cmd.Repeatable(
            "--allow-writes-to",
            "Other profiles the write tools may change (repeatable or comma-separated; needs --allow-writes). Default: none, writes go only to the server's own profile",
            "profiles");
        var command = Cmd.New(
            "mcp",
            """
            Serve the Model Context Protocol over stdio, for AI agents (Claude Desktop, VS Code, Cursor, ...).

            Read-only by default: regions, server classes, prices and history, the cluster builder, cloudspaces,
            node pools, inventory. Kubeconfigs, tokens and config secrets are never returned.
            The server is pinned to one profile (--profile, or the active one): tools take a 'profile' argument only
            for the profiles --allow-profiles names, and write tools only for those --allow-writes-to names.

            Examples:
              rsspot mcp --profile prod
              rsspot mcp --profile sandbox --allow-writes
              rsspot mcp --profile sandbox --allow-profiles prod
            """,
            allowWrites,
            allowProfiles,
            allowWritesTo);
        // A plain branch (no async frame around it): the native build compiles rsspot with InProcess off, and the
        // compiler leaves RunAsync and all it uses (the MCP server and its types) out only when the call to it sits
        // behind the switch outside any try block.
        return command.Runs(session, (p, ct) => McpHosting.InProcess
            ? RunAsync(new Options(p.GetValue(allowWrites), p.GetValue(allowProfiles) ?? [], p.GetValue(allowWritesTo) ?? []), session, ct)
            : McpHosting.Exec(session.Args));
    }

    /// <summary>Serves on the session's stdin and stdout until the client closes stdin or <paramref name="ct"/> fires.</summary>
    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        using var server = McpServerSetup.Create(options, session);
        await server.RunAsync(session.ByteStreams, ct).ConfigureAwait(false);
    }
}
