using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// One <see cref="SpotClient"/> per profile of the config file, created on first use. The server's own profile
/// is the session's (<c>--profile</c>, <c>--org</c>, <c>--region</c>, <c>--no-cache</c>); a tool's <c>profile</c>
/// argument picks another profile of the same config file, with that profile's own organization and region.
/// </summary>
internal sealed class ProfileClients(CliSession session) : IDisposable
{
    private readonly Dictionary<string, SpotClient> _others = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public SpotClient For(string? profile)
    {
        if (profile is null || string.Equals(profile, session.ProfileName, StringComparison.Ordinal))
        {
            lock (_gate)
            {
                return session.Client;
            }
        }

        lock (_gate)
        {
            if (!_others.TryGetValue(profile, out var client))
            {
                client = new SpotClient(new SpotClientOptions
                {
                    ConfigPath = session.ConfigFile,
                    Profile = profile,
                    NoCache = session.Parse.GetValue(session.Globals.NoCache),
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
