using Rsspot.Configuration;

namespace Rsspot.Tests.Support;

/// <summary>
/// Options for a client of one loopback server and nothing else: no machine config or environment, state in a temp
/// folder, a valid bearer token, no cache and one attempt per call (so the server sees exactly the calls made).
/// </summary>
public static class LoopbackClientOptions
{
    /// <summary>The options for <paramref name="server"/>, with state kept in <paramref name="state"/>.</summary>
    public static SpotClientOptions For(LoopbackServer server, TempDirectory state) => new()
    {
        Config = new RsspotConfig(),
        Environment = new Dictionary<string, string>(),
        HomeDirectory = state.Path,
        StatePath = Path.Combine(state.Path, "state.db"),
        BaseUrl = server.BaseUrl,
        AccessToken = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)),
        NoCache = true,
        Retry = new RetrySettings(1, TimeSpan.Zero, TimeSpan.Zero, 0, []),
    };
}
