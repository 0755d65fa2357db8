using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Rsspot.Emulator.Hosting;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator;

/// <summary>
/// A running emulator on 127.0.0.1, for tests and samples. One base URL serves the API, <c>POST /oauth/token</c>
/// and the price documents; <c>/_emulator/...</c> holds the admin endpoints that the helpers here mirror.
/// </summary>
/// <example>
/// <code>
/// await using var spot = await EmulatorHost.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.FromMinutes(5) });
/// // point the client at spot.BaseUrl with spot.RefreshToken and spot.OrganizationName
/// </code>
/// </example>
public sealed class EmulatorHost : IAsyncDisposable
{
    /// <summary>Name of the VM cloudspace seeded in the first organization (two pools, three servers).</summary>
    public const string SeededVmCloudSpace = VmInventory.SeedCloudSpace;

    private readonly WebApplication _app;
    private readonly EmulatorServices _services;

    private EmulatorHost(WebApplication app, EmulatorServices services, Uri baseUri)
    {
        _app = app;
        _services = services;
        BaseUri = baseUri;
    }

    /// <summary>Base address without a trailing slash, such as <c>http://127.0.0.1:5080</c>.</summary>
    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Base address as a <see cref="Uri"/>.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Base address of the TLS listener that serves each Ready cloudspace's Kubernetes API (its <c>APIServerEndpoint</c>),
    /// such as <c>https://127.0.0.1:40137</c>.
    /// </summary>
    public string KubeBaseUrl => _services.KubePaths.BaseUrl;

    /// <summary>The port the emulator listens on.</summary>
    public int Port => BaseUri.Port;

    /// <summary>The refresh token the emulator accepts.</summary>
    public string RefreshToken => _services.Options.RefreshToken;

    /// <summary>The OAuth client id to send (the public Spot client id).</summary>
    public string ClientId => _services.Options.ClientId ?? EmulatorOptions.PublicClientId;

    /// <summary>Name of the caller's first organization.</summary>
    public string OrganizationName => _services.Organizations.Primary.Name;

    /// <summary>Id (<c>org_...</c>) of the caller's first organization.</summary>
    public string OrganizationId => _services.Organizations.Primary.Id;

    /// <summary>Namespace (<c>org-...</c>) of the caller's first organization.</summary>
    public string Namespace => _services.Organizations.Primary.Namespace;

    /// <summary>Every organization of the caller as (id, name, namespace), first one first.</summary>
    public IReadOnlyList<(string Id, string Name, string Namespace)> Organizations =>
        _services.Organizations.All.Select(o => (o.Id, o.Name, o.Namespace)).ToList();

    /// <summary>The options the emulator runs with.</summary>
    public EmulatorOptions Options => _services.Options;

    /// <summary>Successful token exchanges so far.</summary>
    public long TokenExchanges => _services.Tokens.Exchanges;

    /// <summary>Starts an emulator on 127.0.0.1 (a free port unless <see cref="EmulatorOptions.Port"/> is set).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        var services = new EmulatorServices(options);
        var app = EmulatorApplication.Build(services);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        services.KubePaths.BaseUrl = addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return new EmulatorHost(app, services, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Replaces the faults in force (an empty <see cref="FaultSettings"/> clears them).</summary>
    public void SetFaults(FaultSettings faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _services.Faults.Set(faults);
    }

    /// <summary>Replaces the faults in force; same as <see cref="SetFaults"/>, for async call sites.</summary>
    public Task SetFaultsAsync(FaultSettings faults)
    {
        SetFaults(faults);
        return Task.CompletedTask;
    }

    /// <summary>The faults in force, with counts as far as they are used up.</summary>
    public FaultSettings GetFaults() => _services.Faults.Current;

    /// <summary>Removes every fault.</summary>
    public void ClearFaults() => _services.Faults.Set(new FaultSettings());

    /// <summary>Scripts the next auctions of a server class: each price becomes the market and hammer price in turn.</summary>
    /// <param name="serverClass">The class name.</param>
    /// <param name="prices">USD per node-hour, in order; the last one stays in force.</param>
    /// <exception cref="ArgumentException">The class is unknown or has no auctions.</exception>
    public void ScriptMarketPrices(string serverClass, params decimal[] prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var c = _services.Catalog.FindClass(serverClass) ?? throw new ArgumentException($"Unknown server class '{serverClass}'.", nameof(serverClass));
        foreach (var price in prices)
        {
            if (!_services.Market.Script(c, price))
            {
                throw new ArgumentException($"Server class '{serverClass}' has no auctions.", nameof(serverClass));
            }
        }
    }

    /// <summary>The current market price of a server class, or null when it has none.</summary>
    /// <param name="serverClass">The class name.</param>
    public decimal? GetMarketPrice(string serverClass) =>
        _services.Catalog.FindClass(serverClass) is { } c ? _services.Market.Priced(c).MarketPrice : null;

    /// <summary>Makes every id_token and kubeconfig token issued so far expired (new exchanges give valid ones again).</summary>
    public void ExpireTokens()
    {
        _services.Tokens.ExpireAll();
        _services.KubeTokens.ExpireAll();
    }

    /// <summary>A valid id_token, as the token endpoint would issue it (not counted as an exchange).</summary>
    public string CreateIdToken() => _services.Tokens.CreateIdToken();

    /// <summary>The requests received so far (admin requests excluded), oldest first, secrets redacted.</summary>
    public IReadOnlyList<RequestLogEntry> GetRequestLog() => _services.Journal.Entries();

    /// <summary>How many requests had this method and path, e.g. <c>CountRequests("POST", "/oauth/token")</c>.</summary>
    public int CountRequests(string method, string path) => _services.Journal.Count(method + " " + path);

    /// <summary>Request counts by "METHOD path".</summary>
    public IReadOnlyDictionary<string, int> GetRequestCounts() => _services.Journal.Counts();

    /// <summary>Empties the request log and the counters.</summary>
    public void ClearRequestLog() => _services.Journal.Clear();

    /// <summary>
    /// A copy of a stored object as the API would answer it, or null. <paramref name="plural"/> is the path
    /// segment (cloudspaces, spotnodepools, ondemandnodepools, vmcloudspaces, vmpools).
    /// </summary>
    public JsonObject? GetResource(string plural, string name, string? ns = null)
    {
        var outcome = _services.Resources.Get(KindOf(plural), ns ?? Namespace, name);
        return outcome.IsSuccess ? (JsonObject)outcome.Body : null;
    }

    /// <summary>Names of the stored objects of one type in a namespace (the first organization's by default).</summary>
    public IReadOnlyList<string> ListResourceNames(string plural, string? ns = null)
    {
        var outcome = _services.Resources.List(KindOf(plural), ns ?? Namespace, null);
        return outcome.IsSuccess
            ? outcome.Body["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ToList()
            : [];
    }

    /// <summary>Assigns a server to a VM cloudspace and returns its key.</summary>
    /// <exception cref="InvalidOperationException">The VM cloudspace or pool does not exist, or the name is taken.</exception>
    public string AddVmServer(string vmCloudSpace, VmServerRequest server, string? ns = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var (key, error) = _services.Vms.AddServer(ns ?? Namespace, vmCloudSpace, server);
        return key ?? throw new InvalidOperationException(error);
    }

    /// <summary>Removes an assigned server; false when there was none with that key.</summary>
    public bool RemoveVmServer(string vmCloudSpace, string key, string? ns = null) =>
        _services.Vms.RemoveServer(ns ?? Namespace, vmCloudSpace, key);

    /// <summary>Stops the server and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static ResourceKind KindOf(string plural) =>
        ResourceKind.FromPlural(plural) ?? throw new ArgumentException($"Unknown resource type '{plural}'.", nameof(plural));
}
