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
        // compiler leaves ServeAsync and all it uses (the MCP server and its types) out only when the call to it sits
        // behind the switch outside any try block.
        return command.Runs(s, (p, ct) => McpHosting.InProcess ? ServeAsync(s, p, allowWrites, allowProfiles, allowWritesTo, ct) : McpHosting.Exec(s.Args));
    }

    /// <summary>Serves MCP over this process's stdio until the client goes away.</summary>
    private static async Task ServeAsync(CliSession s, ParseResult p, Option<bool> allowWrites, Option<string[]> allowProfiles, Option<string[]> allowWritesTo, CancellationToken ct)
    {
        var reads = Names(p.GetValue(allowProfiles), "--allow-profiles", allowAny: true);
        var writes = Names(p.GetValue(allowWritesTo), "--allow-writes-to", allowAny: false);
        if (writes.Count > 0 && !p.GetValue(allowWrites))
        {
            throw new CliUsageException("--allow-writes-to: names profiles the write tools may change, so it needs --allow-writes.");
        }

        using var clients = new ProfileClients(s);
        var known = s.Client.Resolved.Config.Profiles.Keys;
        if (reads.Concat(writes).FirstOrDefault(n => n != ProfileAccess.Any && n != clients.Own && !known.Contains(n)) is { } missing)
        {
            throw new ConfigException($"Profile '{missing}' (allowed to the MCP tools) is not in the config file; its profiles are {string.Join(", ", known)}.");
        }

        var access = new ProfileAccess(clients.Own, reads, writes);
        await new SpotMcpServer(clients, access, p.GetValue(allowWrites)).RunAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Profile names from a repeatable, comma-separated option.</summary>
    private static List<string> Names(string[]? values, string option, bool allowAny)
    {
        var names = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (!allowAny && names.Contains(ProfileAccess.Any))
        {
            throw new CliUsageException($"{option}: name each profile the write tools may change; '*' is not accepted here.");
        }

        if (names.FirstOrDefault(n => n != ProfileAccess.Any && (n.Length > 100 || n.Any(char.IsControl))) is { } bad)
        {
            throw new CliUsageException($"{option}: '{Rsspot.Security.ServerText.Clean(bad)}' is not a profile name.");
        }

        return names;
    }
}
