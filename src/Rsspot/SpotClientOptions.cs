using Microsoft.Extensions.Logging;
using Rsspot.Configuration;

namespace Rsspot;

/// <summary>
/// How to build a <see cref="SpotClient"/>: where the config comes from, which profile, and explicit overrides
/// that win over the config file and the environment. Every property is optional.
/// </summary>
public sealed record SpotClientOptions
{
    /// <summary>A config object to use instead of any file (the "runtime object" of the resolution order).</summary>
    public RsspotConfig? Config { get; init; }

    /// <summary>Explicit config file path (otherwise RSSPOT_CONFIG, ~/.config/rsspot/config.*, ~/.spot_config).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Profile name (otherwise RSSPOT_PROFILE, active_profile, default_profile, "default").</summary>
    public string? Profile { get; init; }

    /// <summary>
    /// Profile settings that win over the config file and the environment, setting by setting (the same shape as a
    /// profile in the config file; its <c>retry</c>/<c>cache</c> blocks are not used here, see <see cref="Retry"/> and
    /// <see cref="Cache"/>). The single properties below (<see cref="Org"/>, <see cref="BaseUrl"/>, ...) win over these.
    /// </summary>
    public ProfileConfig? Settings { get; init; }

    /// <summary>Organization name or id; resolved to its namespace once per client.</summary>
    public string? Org { get; init; }

    /// <summary>Organization id, used when no name is given.</summary>
    public string? OrgId { get; init; }

    /// <summary>Default region for commands that need one.</summary>
    public string? Region { get; init; }

    /// <summary>Refresh token (a secret).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>An id_token to use while valid (a secret).</summary>
    public string? AccessToken { get; init; }

    /// <summary>OAuth client id.</summary>
    public string? ClientId { get; init; }

    /// <summary>Base URL of the Spot API.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Base URL of the OAuth server.</summary>
    public string? OAuthUrl { get; init; }

    /// <summary>Base URL of the public price documents.</summary>
    public string? PriceDataUrl { get; init; }

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Time allowed for one request with all its retries (by default the worst case of the retry policy: every
    /// attempt timing out, with the longest delay between them).
    /// </summary>
    public TimeSpan? OperationTimeout { get; init; }

    /// <summary>The largest response body the client reads (default 32 MB); a larger answer is an error.</summary>
    public long? MaxResponseBytes { get; init; }

    /// <summary>
    /// Most connections the client's own transport opens to one server (default
    /// <see cref="Http.SpotHttpPipeline.DefaultMaxConnectionsPerServer"/>, 100, as the Python rsspot's httpx); further
    /// concurrent calls wait for a free connection. Not applied to a <see cref="Transport"/> the caller supplies.
    /// </summary>
    public int? MaxConnectionsPerServer { get; init; }

    /// <summary>Retry settings replacing the profile's.</summary>
    public RetrySettings? Retry { get; init; }

    /// <summary>Cache settings replacing the profile's.</summary>
    public CacheSettings? Cache { get; init; }

    /// <summary>True turns the response cache off: every GET goes to the API (the cache settings are kept but unused).</summary>
    public bool NoCache { get; init; }

    /// <summary>Whether to verify TLS certificates.</summary>
    public bool? VerifySsl { get; init; }

    /// <summary>
    /// The highest bid this client sends, USD per node-hour, replacing each class's default ceiling (its on-demand
    /// price); overrides the profile's <c>max_bid</c>. Null keeps them. See <see cref="Pricing.BidCeiling"/>.
    /// </summary>
    public decimal? MaxBid { get; init; }

    /// <summary>Path of state.db (the persistent cache lives there).</summary>
    public string? StatePath { get; init; }

    /// <summary>
    /// An open state.db for the persistent cache, used instead of opening the profile's one (a process that also
    /// records history in it opens the file once). The client does not dispose it.
    /// </summary>
    public State.StateStore? StateStore { get; init; }

    /// <summary>
    /// The innermost HTTP handler (for example one from IHttpClientFactory, or a test transport). The client
    /// wraps it in its own cache, retry and auth handlers and does not dispose it; redirect following is switched
    /// off on it (a redirect is reported as an error, never followed).
    /// </summary>
    public HttpMessageHandler? Transport { get; init; }

    /// <summary>
    /// Handlers that see every call once, cache hits included, before the retry layer (outermost first).
    /// Each factory is called once per host chain, so no handler instance is shared.
    /// </summary>
    public IReadOnlyList<Func<DelegatingHandler>>? PerCallHandlers { get; init; }

    /// <summary>
    /// Handlers that see every HTTP attempt, retries included, inside the retry layer (outermost first).
    /// Each factory is called once per host chain, so no handler instance is shared.
    /// </summary>
    public IReadOnlyList<Func<DelegatingHandler>>? PerAttemptHandlers { get; init; }

    /// <summary>Where the client logs retries, token refreshes, 401 recoveries, cache bypasses, org resolution and (at debug level) each request.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Picks the innermost handler once the profile's TLS setting is known (true = verify certificates); used
    /// when <see cref="Transport"/> is not set. The client does not dispose what it returns.
    /// </summary>
    internal Func<bool, HttpMessageHandler>? TransportForTls { get; init; }

    /// <summary>Clock for token expiry, cache TTLs and retries.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Home directory used to find config files (tests use a temp folder).</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>Environment variables to read instead of the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Options for one host that serves the API, OAuth and the price documents (an emulator, a test server), with
    /// no config file, environment variable or state of the machine taking part: state.db lives in
    /// <paramref name="stateDirectory"/>.
    /// </summary>
    /// <param name="baseUrl">The host's base URL.</param>
    /// <param name="refreshToken">The refresh token it accepts (a secret).</param>
    /// <param name="org">The organization name or id, or null to use the only one visible.</param>
    /// <param name="stateDirectory">The folder for state.db, also taken as the home directory.</param>
    /// <returns>The options; adjust them with <c>with</c>.</returns>
    public static SpotClientOptions Isolated(string baseUrl, string refreshToken, string? org, string stateDirectory) => new()
    {
        Config = new RsspotConfig(),
        Environment = new Dictionary<string, string>(),
        HomeDirectory = stateDirectory,
        StatePath = Path.Combine(stateDirectory, "state.db"),
        BaseUrl = baseUrl,
        OAuthUrl = baseUrl,
        PriceDataUrl = baseUrl,
        RefreshToken = refreshToken,
        Org = org,
    };
}
