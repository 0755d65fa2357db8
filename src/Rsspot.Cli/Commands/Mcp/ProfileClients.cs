using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// One <see cref="SpotClient"/> per profile, created on first use. The server's own profile is the session's
/// (<c>--profile</c>, <c>--org</c>, <c>--region</c>, <c>--no-cache</c>); another profile the server allows comes
/// from the same config file with that profile's own organization and region. Which profiles may be asked for is
/// decided before this (<see cref="ProfileAccess"/>); this class only creates clients.
/// </summary>
internal sealed class ProfileClients(CliSession session) : IDisposable
{
    private readonly Dictionary<string, SpotClient> _others = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The server's own profile (resolved now, so a broken config stops the server at start).</summary>
    public string Own => session.Client.Profile.Name;

    public SpotClient For(string? profile)
    {
        lock (_gate)
        {
            if (profile is null || string.Equals(profile, Own, StringComparison.Ordinal))
            {
                return session.Client;
            }

            if (!_others.TryGetValue(profile, out var client))
            {
                client = new SpotClient(new SpotClientOptions
                {
                    ConfigPath = session.ConfigFile,
                    Profile = profile,
                    NoCache = session.Parse.GetValue(session.Globals.NoCache),
                    Environment = session.Environment.Variables,
                    HomeDirectory = session.Environment.HomeDirectory,
                });
                _others[profile] = client;
            }

            return client;
        }
    }

    public void Dispose()
    {
        foreach (var client in _others.Values)
        {
            client.Dispose();
        }
    }
}
