using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// The server <c>rsspot mcp</c> serves, built from its options and the session (the session's config file,
/// profile and environment, never the process's): the profile access checked against the config file, one client
/// per profile. The command and the tests that serve it in process share this.
/// </summary>
internal static class McpServerSetup
{
    /// <summary>The server, or a usage or config error that says which option is wrong.</summary>
    public static SpotMcpServer Create(McpCommand.Options options, CliSession session)
    {
        var reads = Names(options.AllowProfiles, "--allow-profiles", allowAny: true);
        var writes = Names(options.AllowWritesTo, "--allow-writes-to", allowAny: false);
        if (writes.Count > 0 && !options.AllowWrites)
        {
            throw new CliUsageException("--allow-writes-to: names profiles the write tools may change, so it needs --allow-writes.");
        }

        var clients = new ProfileClients(session);
        try
        {
            var known = session.Client.Resolved.Config.Profiles.Keys;
            if (reads.Concat(writes).FirstOrDefault(n => n != ProfileAccess.Any && n != clients.Own && !known.Contains(n)) is { } missing)
            {
                throw new ConfigException($"Profile '{missing}' (allowed to the MCP tools) is not in the config file; its profiles are {string.Join(", ", known)}.");
            }

            return new SpotMcpServer(clients, new ProfileAccess(clients.Own, reads, writes), options.AllowWrites);
        }
        catch
        {
            clients.Dispose();
            throw;
        }
    }

    /// <summary>Profile names from a repeatable, comma-separated option.</summary>
    private static List<string> Names(IReadOnlyList<string> values, string option, bool allowAny)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
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
