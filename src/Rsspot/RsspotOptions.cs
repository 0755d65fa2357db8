namespace Rsspot;

/// <summary>
/// The settings of the <see cref="SpotClient"/> that <c>AddRsspot</c> registers, bound from configuration (by default
/// the <c>Rsspot</c> section of <c>appsettings.json</c>, environment variables such as <c>Rsspot__Org</c>, user
/// secrets) and available as <c>IOptions&lt;RsspotOptions&gt;</c>. Unset values fall back to the rsspot profile (config
/// file, <c>RSSPOT_*</c> variables) exactly as without DI.
/// </summary>
/// <example><code>
/// { "Rsspot": { "Profile": "prod", "Org": "acme", "Timeout": "00:00:30", "MaxConnectionsPerServer": 50 } }
/// </code></example>
public sealed class RsspotOptions
{
    /// <summary>The configuration section <c>AddRsspot(IConfiguration)</c> reads when given the whole configuration: <c>Rsspot</c>.</summary>
    public const string SectionName = "Rsspot";

    /// <summary>The rsspot profile to use (see <see cref="SpotClientOptions.Profile"/>).</summary>
    public string? Profile { get; set; }

    /// <summary>Path of the rsspot config file instead of the default one.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>Organization name.</summary>
    public string? Org { get; set; }

    /// <summary>Organization id.</summary>
    public string? OrgId { get; set; }

    /// <summary>Default region.</summary>
    public string? Region { get; set; }

    /// <summary>Refresh token (a secret: keep it in user secrets, an environment variable or a vault, not in appsettings.json).</summary>
    public string? RefreshToken { get; set; }

    /// <summary>OAuth client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>API base URL.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>OAuth base URL.</summary>
    public string? OAuthUrl { get; set; }

    /// <summary>Price-data base URL.</summary>
    public string? PriceDataUrl { get; set; }

    /// <summary>Timeout of one HTTP attempt, e.g. <c>00:00:30</c>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Timeout of one operation, retries included.</summary>
    public TimeSpan? OperationTimeout { get; set; }

    /// <summary>Largest response body read.</summary>
    public long? MaxResponseBytes { get; set; }

    /// <summary>Most connections to one server (default 100).</summary>
    public int? MaxConnectionsPerServer { get; set; }

    /// <summary>
    /// Highest bid any writer of the client sends, USD per node-hour: it replaces the default ceiling (a class's
    /// on-demand price); unset keeps the default (or the profile's <c>max_bid</c>).
    /// </summary>
    public decimal? MaxBid { get; set; }

    /// <summary>True turns the response cache off.</summary>
    public bool NoCache { get; set; }

    /// <summary>Whether to verify TLS certificates.</summary>
    public bool? VerifySsl { get; set; }

    /// <summary>Path of state.db.</summary>
    public string? StatePath { get; set; }

    /// <summary>
    /// Any profile setting by its <see cref="Configuration.ProfileConfig"/> name (e.g. <c>Rsspot:Settings:OperationTimeoutSeconds</c>),
    /// winning over the rsspot profile; the single properties above win over these (see <see cref="SpotClientOptions.Settings"/>).
    /// </summary>
    public Configuration.ProfileConfig? Settings { get; set; }

    /// <summary>Puts the values set here into <paramref name="options"/> (unset ones leave it as it is).</summary>
    /// <param name="options">The options to start from.</param>
    /// <returns>The options with these settings.</returns>
    public SpotClientOptions ApplyTo(SpotClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            Profile = Profile ?? options.Profile,
            ConfigPath = ConfigPath ?? options.ConfigPath,
            Org = Org ?? options.Org,
            OrgId = OrgId ?? options.OrgId,
            Region = Region ?? options.Region,
            RefreshToken = RefreshToken ?? options.RefreshToken,
            ClientId = ClientId ?? options.ClientId,
            BaseUrl = BaseUrl ?? options.BaseUrl,
            OAuthUrl = OAuthUrl ?? options.OAuthUrl,
            PriceDataUrl = PriceDataUrl ?? options.PriceDataUrl,
            Timeout = Timeout ?? options.Timeout,
            OperationTimeout = OperationTimeout ?? options.OperationTimeout,
            MaxResponseBytes = MaxResponseBytes ?? options.MaxResponseBytes,
            MaxConnectionsPerServer = MaxConnectionsPerServer ?? options.MaxConnectionsPerServer,
            MaxBid = MaxBid ?? options.MaxBid,
            NoCache = NoCache || options.NoCache,
            VerifySsl = VerifySsl ?? options.VerifySsl,
            StatePath = StatePath ?? options.StatePath,
            Settings = Settings is null ? options.Settings : Configuration.ProfileSettingTable.Merge(Settings, options.Settings ?? new()),
        };
    }
}
