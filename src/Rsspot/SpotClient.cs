using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// Build it from config (<see cref="SpotClient(SpotClientOptions?)"/>), dispose it when done. Every operation is
/// virtual and <see cref="SpotClient()"/> builds an empty client, so tests of code that uses it can stand in fakes.
/// </summary>
public partial class SpotClient : IDisposable, IAsyncDisposable
{
    private readonly HttpMessageHandler? _transport;
    private readonly bool _ownsTransport;
    private readonly HttpClient? _apiHttp;
    private readonly Lazy<HttpClient>? _oauthHttp;
    private readonly Lazy<HttpClient>? _priceHttp;
    private readonly StateResponseCacheStore? _cacheStore;
    private const int MaxTokenAttempts = 3;
    private readonly ClientLifetime? _lifetime;
    private int _disposed;

    /// <summary>For mocking frameworks and hand-written fakes: a client with no config, services or connections.</summary>
    protected SpotClient()
    {
        Resolved = null!;
        Profile = null!;
        Organizations = null!;
        Regions = null!;
        ServerClasses = null!;
        Market = null!;
        Pricing = null!;
        Cloudspaces = null!;
        SpotNodePools = null!;
        OnDemandNodePools = null!;
        AutopilotNodePools = null!;
        Inventory = null!;
        VmSshKeys = null!;
        VmCloudspaces = null!;
        VmPools = null!;
        Raw = null!;
        Apply = null!;
        Market = null!;
        Api = null!;
        Tokens = null!;
    }

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
        Profile = ApplyOverrides(Resolved.GetProfile(options.Profile, options.Settings), options);

        ProfileUrls.Validate(Profile, "the client options");
        var verifySsl = Profile.VerifySsl;
        var chosen = options.Transport ?? options.TransportForTls?.Invoke(verifySsl);
        _ownsTransport = chosen is null;
        SpotHttpPipeline.RefuseRedirects(chosen);
        var maxConnections = options.MaxConnectionsPerServer ?? SpotHttpPipeline.DefaultMaxConnectionsPerServer;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnections, nameof(options.MaxConnectionsPerServer));
        _transport = chosen ?? new LazyTransport(() => SpotHttpPipeline.CreateTransport(verifySsl, maxConnections));
        var retry = ToRetryOptions(Profile) with { OperationTimeout = options.OperationTimeout ?? Profile.OperationTimeout };
        var maxBytes = options.MaxResponseBytes ?? SpotHttpPipeline.DefaultMaxResponseBytes;
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger("Rsspot");
        var lifetime = _lifetime = new ClientLifetime(nameof(SpotClient));
        var parts = new PipelineParts(_transport, lifetime, logger, time, options.PerCallHandlers, options.PerAttemptHandlers, maxBytes);

        // A token refresh has its own bounded retry, POST included (repeating a refresh is harmless).
        var tokenRetry = retry with { MaxAttempts = Math.Min(retry.MaxAttempts, MaxTokenAttempts), RetryUnsafeMethods = true };

        // The OAuth and price-data hosts are only called on a cache miss or by pricing commands: built on first use.
        var profile = Profile;
        _oauthHttp = new Lazy<HttpClient>(() => NewHttpClient(lifetime, SpotHttpPipeline.CreatePlainHandler(parts, tokenRetry)));
        _priceHttp = new Lazy<HttpClient>(() => NewHttpClient(lifetime, SpotHttpPipeline.CreatePlainHandler(parts, retry), profile.PriceDataUrl));
        var oauthHttp = _oauthHttp;
        var exchanger = new ObservedTokenExchanger(
            new LazyTokenExchanger(() => new OAuthTokenExchanger(new SpotOAuthClient(Adapter(oauthHttp.Value, profile.OAuthUrl)), profile.ClientId) { OAuthUrl = profile.OAuthUrl }),
            logger);
        var tokens = new TokenManager(exchanger, Profile.RefreshToken, Profile.AccessToken, time);

        var cache = Profile.Cache;
        if (cache.Enabled && cache.Backend == CacheBackend.Sqlite)
        {
            var statePath = Profile.StatePath ?? (Resolved.StateInMemory ? null : Resolved.StatePath);
            var shared = options.StateStore;
            IEnumerable<string?> Secrets() => SpotContext.SecretsOf(profile, tokens);
            _cacheStore = shared is null
                ? new StateResponseCacheStore(() => statePath is null ? StateStore.OpenInMemory() : StateStore.Open(statePath), ownsStore: true, Secrets)
                : new StateResponseCacheStore(() => shared, ownsStore: false, Secrets);
        }

        var identity = CacheIdentity(Profile);
        var cacheOptions = new CacheOptions
        {
            Enabled = cache.Enabled,
            MaxEntries = cache.MaxEntries,
            TtlForPath = path => cache.TtlFor("GET", path),
            Identity = () => identity,
        };
        _apiHttp = NewHttpClient(lifetime, SpotHttpPipeline.CreateApiHandler(parts, tokens, retry, cacheOptions, _cacheStore), Profile.BaseUrl);

        var apiAdapter = Adapter(_apiHttp, Profile.BaseUrl);
        Api = new SpotApiClient(apiAdapter);
        var priceHttp = _priceHttp;
        var priceData = new Lazy<SpotPriceDataClient>(() => new SpotPriceDataClient(Adapter(priceHttp.Value, profile.PriceDataUrl)));
        var context = new SpotContext(Api, priceData, _apiHttp, _priceHttp, tokens, Profile, time, lifetime, loggers) { Requests = apiAdapter };
        Organizations = new OrganizationsService(context);
        context.Orgs = new OrgResolver(Organizations.ListRefsAsync, Profile.Org ?? Profile.OrgId, logger);
        Regions = new RegionsService(context);
        ServerClasses = new ServerClassesService(context);
        Cloudspaces = new CloudspacesService(context);
        SpotNodePools = new SpotNodePoolsService(context);
        OnDemandNodePools = new OnDemandNodePoolsService(context);
        AutopilotNodePools = new AutopilotNodePoolsService(context);
        Inventory = new InventoryService(context);
        VmSshKeys = new Services.Vm.VmSshKeysService(context);
        VmCloudspaces = new Services.Vm.VmCloudspacesService(context);
        VmPools = new Services.Vm.VmPoolsService(context);
        Raw = new RawService(context);
        Pricing = new PricingService(context, ServerClasses);
        Market = new MarketReader(context);
        Apply = new Apply.ApplyService(context, this);
        Tokens = tokens;
    }

    /// <summary>The resolved config (which source won, the file, the profiles).</summary>
    public ResolvedConfig Resolved { get; }

    /// <summary>The effective profile after environment and explicit overrides (secrets included: never print it as is).</summary>
    public EffectiveProfile Profile { get; }

    /// <summary>Organizations the token can see.</summary>
    public virtual OrganizationsService Organizations { get; }

    /// <summary>Regions.</summary>
    public virtual RegionsService Regions { get; }

    /// <summary>Uncached reads of pools and prices for the bid guard.</summary>
    internal MarketReader Market { get; }

    /// <summary>Server classes with resources and prices.</summary>
    public virtual ServerClassesService ServerClasses { get; }

    /// <summary>Market data and the cluster builder.</summary>
    public virtual PricingService Pricing { get; }

    /// <summary>Cloudspaces (clusters).</summary>
    public virtual CloudspacesService Cloudspaces { get; }

    /// <summary>Spot node pools.</summary>
    public virtual SpotNodePoolsService SpotNodePools { get; }

    /// <summary>On-demand node pools.</summary>
    public virtual OnDemandNodePoolsService OnDemandNodePools { get; }

    /// <summary>Autopilot node pools: a vCPU target and an hourly budget that Spot fills with spot node pools.</summary>
    public virtual AutopilotNodePoolsService AutopilotNodePools { get; }

    /// <summary>VM cloudspaces, VM pools and organization events.</summary>
    public virtual InventoryService Inventory { get; }

    /// <summary>VM SSH keys: the public keys the machines of VM cloudspaces accept.</summary>
    public virtual Services.Vm.VmSshKeysService VmSshKeys { get; }

    /// <summary>VM cloudspaces: groups of plain virtual machines (create, update, delete, wait until Ready).</summary>
    public virtual Services.Vm.VmCloudspacesService VmCloudspaces { get; }

    /// <summary>VM pools: machines of one server class in a VM cloudspace, won with a bid under the class's ceiling.</summary>
    public virtual Services.Vm.VmPoolsService VmPools { get; }

    /// <summary>Any method and path, JSON in and out.</summary>
    public virtual RawService Raw { get; }

    /// <summary>Clusters as code: plan and apply the changes that make cloudspaces and their pools match specs.</summary>
    public virtual Apply.ApplyService Apply { get; }

    /// <summary>The generated Kiota request builders of the API host, for anything the services do not cover.</summary>
    public SpotApiClient Api { get; }

    /// <summary>The id_token lifecycle of this client.</summary>
    public TokenManager Tokens { get; }

    /// <summary>The organization the client works in (resolved once from the configured name or id).</summary>
    public virtual Task<OrganizationRef> GetOrganizationAsync(CancellationToken cancellationToken = default) =>
        Organizations.CurrentAsync(cancellationToken);

    /// <summary>Blocking form of <see cref="GetOrganizationAsync"/>.</summary>
    public virtual OrganizationRef GetOrganization(CancellationToken cancellationToken = default) =>
        Organizations.Current(cancellationToken);

    /// <summary>
    /// Ends the client: later operations throw <see cref="ObjectDisposedException"/> before sending anything,
    /// and operations in flight end with <see cref="ObjectDisposedException"/> (or
    /// <see cref="OperationCanceledException"/> when their own token was cancelled).
    /// </summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the connections, the cache file and the transport the client owns.</summary>
    /// <param name="disposing">False when called from a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || Interlocked.Exchange(ref _disposed, 1) != 0 || _lifetime is null)
        {
            return;
        }

        // Ending the lifetime first makes calls in flight fail as disposed rather than as cancelled or timed out.
        _lifetime.End();
        _apiHttp?.Dispose();
        DisposeIfCreated(_oauthHttp);
        DisposeIfCreated(_priceHttp);
        _cacheStore?.Dispose();
        if (_ownsTransport)
        {
            _transport?.Dispose();
        }
    }

    private static HttpClient NewHttpClient(ClientLifetime lifetime, HttpMessageHandler handler, string? baseUrl = null)
    {
        // Built lazily for the OAuth and price hosts: never after the client is disposed.
        lifetime.ThrowIfEnded();
        // The transport is shared by the three hosts' chains and disposed once by the client.
        var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(SpotHttpPipeline.UserAgent);
        if (baseUrl is not null)
        {
            client.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        }

        return client;
    }

    private static void DisposeIfCreated(Lazy<HttpClient>? client)
    {
        if (client is { IsValueCreated: true })
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
            MaxBid = options.MaxBid ?? profile.MaxBid,
            Retry = options.Retry ?? profile.Retry,
            Cache = cache,
            StatePath = options.StatePath ?? profile.StatePath,
        };
    }
}
