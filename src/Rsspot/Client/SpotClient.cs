using System.IO.Hashing;
using System.Text;
using Rsspot.Auth;
using Rsspot.Configuration;
using Rsspot.Generated.Api;
using Rsspot.Generated.OAuth;
using Rsspot.Generated.PriceData;
using Rsspot.Http;
using Rsspot.Serialization;
using Rsspot.Services;
using Rsspot.State;

namespace Rsspot;

/// <summary>
/// The Rackspace Spot client: one object with sync and async methods for every operation, grouped by resource.
/// Build it from config (<see cref="SpotClient(SpotClientOptions?)"/>), dispose it when done.
/// </summary>
public sealed partial class SpotClient : IDisposable, IAsyncDisposable
{
    private readonly HttpMessageHandler _transport;
    private readonly bool _ownsTransport;
    private readonly HttpClient _apiHttp;
    private readonly Lazy<HttpClient> _oauthHttp;
    private readonly Lazy<HttpClient> _priceHttp;
    private readonly StateResponseCacheStore? _cacheStore;
    private const int MaxTokenAttempts = 3;
    private int _disposed;

    /// <summary>Builds a client from config, profile and explicit overrides.</summary>
    /// <exception cref="ConfigException">The config is invalid or names an unknown profile.</exception>
    public SpotClient(SpotClientOptions? options = null)
    {
        options ??= new SpotClientOptions();
        var time = options.TimeProvider ?? TimeProvider.System;
        Resolved = ConfigResolver.Resolve(new ConfigResolutionOptions
        {
            RuntimeConfig = options.Config,
            ConfigPath = options.ConfigPath,
            StatePath = options.StatePath,
            HomeDirectory = options.HomeDirectory,
            Environment = options.Environment is null ? null : ConfigEnvironment.FromDictionary(options.Environment),
            TimeProvider = time,
        });
        Profile = ApplyOverrides(Resolved.GetProfile(options.Profile), options);

        ProfileUrls.Validate(Profile, "the client options");
        _ownsTransport = options.Transport is null;
        SpotHttpPipeline.RefuseRedirects(options.Transport);
        var verifySsl = Profile.VerifySsl;
        _transport = options.Transport ?? new LazyTransport(() => SpotHttpPipeline.CreateTransport(verifySsl));
        var retry = ToRetryOptions(Profile) with { OperationTimeout = options.OperationTimeout };
        var maxBytes = options.MaxResponseBytes ?? SpotHttpPipeline.DefaultMaxResponseBytes;

        // A token refresh has its own bounded retry, POST included (repeating a refresh is harmless).
        var tokenRetry = retry with { MaxAttempts = Math.Min(retry.MaxAttempts, MaxTokenAttempts), RetryUnsafeMethods = true };

        // The OAuth and price-data hosts are only called on a cache miss or by pricing commands: built on first use.
        var profile = Profile;
        var transport = _transport;
        _oauthHttp = new Lazy<HttpClient>(() => NewHttpClient(SpotHttpPipeline.CreatePlainHandler(tokenRetry, transport, time, maxBytes)));
        _priceHttp = new Lazy<HttpClient>(() => NewHttpClient(SpotHttpPipeline.CreatePlainHandler(retry, transport, time, maxBytes), profile.PriceDataUrl));
        var oauthHttp = _oauthHttp;
        var exchanger = new LazyTokenExchanger(() => new OAuthTokenExchanger(new SpotOAuthClient(Adapter(oauthHttp.Value, profile.OAuthUrl)), profile.ClientId) { OAuthUrl = profile.OAuthUrl });
        var tokens = new TokenManager(exchanger, Profile.RefreshToken, Profile.AccessToken, time);

        var cache = Profile.Cache;
        if (cache.Enabled && cache.Backend == CacheBackend.Sqlite)
        {
            var statePath = Profile.StatePath ?? Resolved.StatePath;
            var shared = options.StateStore;
            _cacheStore = shared is null
                ? new StateResponseCacheStore(() => StateStore.Open(statePath), ownsStore: true)
                : new StateResponseCacheStore(() => shared, ownsStore: false);
        }

        var identity = CacheIdentity(Profile);
        var cacheOptions = new CacheOptions
        {
            Enabled = cache.Enabled,
            MaxEntries = cache.MaxEntries,
            TtlForPath = path => cache.TtlFor("GET", path),
            Identity = () => identity,
        };
        _apiHttp = NewHttpClient(SpotHttpPipeline.CreateApiHandler(tokens, retry, cacheOptions, _cacheStore, _transport, time, maxBytes), Profile.BaseUrl);

        Api = new SpotApiClient(Adapter(_apiHttp, Profile.BaseUrl));
        var priceHttp = _priceHttp;
        var priceData = new Lazy<SpotPriceDataClient>(() => new SpotPriceDataClient(Adapter(priceHttp.Value, profile.PriceDataUrl)));
        var context = new SpotContext(Api, priceData, _apiHttp, _priceHttp, tokens, Profile, time);
        Organizations = new OrganizationsService(context);
        context.Orgs = new OrgResolver(Organizations.ListRefsAsync, Profile.Org ?? Profile.OrgId);
        Regions = new RegionsService(context);
        ServerClasses = new ServerClassesService(context);
        Cloudspaces = new CloudspacesService(context);
        SpotNodePools = new SpotNodePoolsService(context);
        OnDemandNodePools = new OnDemandNodePoolsService(context);
        Inventory = new InventoryService(context);
        Raw = new RawService(context);
        Pricing = new PricingService(context, ServerClasses);
        Market = new MarketReader(context);
        Tokens = tokens;
    }

    /// <summary>The resolved config (which source won, the file, the profiles).</summary>
    public ResolvedConfig Resolved { get; }

    /// <summary>The effective profile after environment and explicit overrides (secrets included: never print it as is).</summary>
    public EffectiveProfile Profile { get; }

    /// <summary>Organizations the token can see.</summary>
    public OrganizationsService Organizations { get; }

    /// <summary>Regions.</summary>
    public RegionsService Regions { get; }

    /// <summary>Uncached reads of pools and prices for the bid guard.</summary>
    internal MarketReader Market { get; }

    /// <summary>Server classes with resources and prices.</summary>
    public ServerClassesService ServerClasses { get; }

    /// <summary>Market data and the cluster builder.</summary>
    public PricingService Pricing { get; }

    /// <summary>Cloudspaces (clusters).</summary>
    public CloudspacesService Cloudspaces { get; }

    /// <summary>Spot node pools.</summary>
    public SpotNodePoolsService SpotNodePools { get; }

    /// <summary>On-demand node pools.</summary>
    public OnDemandNodePoolsService OnDemandNodePools { get; }

    /// <summary>VM cloudspaces, VM pools and organization events.</summary>
    public InventoryService Inventory { get; }

    /// <summary>Any method and path, JSON in and out.</summary>
    public RawService Raw { get; }

    /// <summary>The generated Kiota request builders of the API host, for anything the services do not cover.</summary>
    public SpotApiClient Api { get; }

    /// <summary>The id_token lifecycle of this client.</summary>
    public TokenManager Tokens { get; }

    /// <summary>The organization the client works in (resolved once from the configured name or id).</summary>
    public Task<OrganizationRef> GetOrganizationAsync(CancellationToken cancellationToken = default) =>
        Organizations.CurrentAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _apiHttp.Dispose();
        DisposeIfCreated(_oauthHttp);
        DisposeIfCreated(_priceHttp);
        _cacheStore?.Dispose();
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static HttpClient NewHttpClient(HttpMessageHandler handler, string? baseUrl = null)
    {
        // The transport is shared by the three hosts' chains and disposed once by the client.
        var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(SpotHttpPipeline.UserAgent);
        if (baseUrl is not null)
        {
            client.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        }

        return client;
    }

    private static void DisposeIfCreated(Lazy<HttpClient> client)
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }

    private static SpotRequestAdapter Adapter(HttpClient http, string baseUrl) => new(http, SpotParseNodes.Registry, baseUrl.TrimEnd('/'));

    private static RetryOptions ToRetryOptions(EffectiveProfile profile) => new()
    {
        MaxAttempts = Math.Max(1, profile.Retry.MaxAttempts),
        BaseDelay = profile.Retry.BaseDelay,
        MaxDelay = profile.Retry.MaxDelay,
        Jitter = profile.Retry.Jitter,
        RetryStatuses = profile.Retry.RetryStatuses.ToHashSet(),
        AttemptTimeout = profile.RequestTimeout,
    };

    /// <summary>
    /// Who the cache answers belong to: profile, API and a 128-bit hash of the credential, so two accounts
    /// sharing one state.db never share entries and no secret is stored. XxHash128 rather than SHA-256: the
    /// credential is a long random token, so a fast non-cryptographic digest reveals nothing, and a short-lived
    /// CLI process answered from the cache never loads OpenSSL.
    /// </summary>
    private static string CacheIdentity(EffectiveProfile profile)
    {
        var credential = profile.RefreshToken ?? profile.AccessToken ?? string.Empty;
        var hash = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes($"{profile.BaseUrl}|{credential}")));
        return $"{profile.Name}:{hash}";
    }

    private static EffectiveProfile ApplyOverrides(EffectiveProfile profile, SpotClientOptions options)
    {
        var cache = options.Cache ?? profile.Cache;
        if (options.NoCache)
        {
            cache = cache with { Enabled = false };
        }

        return profile with
        {
            Org = options.Org ?? profile.Org,
            OrgId = options.OrgId ?? profile.OrgId,
            Region = options.Region ?? profile.Region,
            RefreshToken = options.RefreshToken ?? profile.RefreshToken,
            AccessToken = options.AccessToken ?? profile.AccessToken,
            ClientId = options.ClientId ?? profile.ClientId,
            BaseUrl = options.BaseUrl ?? profile.BaseUrl,
            OAuthUrl = options.OAuthUrl ?? profile.OAuthUrl,
            PriceDataUrl = options.PriceDataUrl ?? profile.PriceDataUrl,
            RequestTimeout = options.Timeout ?? profile.RequestTimeout,
            VerifySsl = options.VerifySsl ?? profile.VerifySsl,
            Retry = options.Retry ?? profile.Retry,
            Cache = cache,
            StatePath = options.StatePath ?? profile.StatePath,
        };
    }
}
