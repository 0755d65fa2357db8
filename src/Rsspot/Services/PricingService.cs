using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Generated.Api.Models;
using Rsspot.Http;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>
/// Market data joined from the server classes and the public price documents, price history, hyperscaler
/// comparables, and the cluster builder.
/// </summary>
public class PricingService : SpotService
{
    private readonly ServerClassesService _serverClasses;

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected PricingService()
    {
        _serverClasses = null!;
    }

    internal PricingService(SpotContext context, ServerClassesService serverClasses)
        : base(context, "pricing")
    {
        _serverClasses = serverClasses;
    }

    /// <summary>
    /// The unified price rows: every server class (market, hammer, on-demand, resources) joined with the
    /// percentiles and comparable-prices documents. A document that cannot be fetched leaves its columns unknown.
    /// </summary>
    public virtual async Task<PriceCatalog> GetCatalogAsync(CancellationToken cancellationToken = default)
    {
        var classes = _serverClasses.ListAsync(cancellationToken: cancellationToken);
        var percentiles = GetDocumentAsync("percentiles.json", cancellationToken);
        var comparables = GetDocumentAsync("comparable_prices.json", cancellationToken);
        await Task.WhenAll(classes, percentiles, comparables).ConfigureAwait(false);
        return PriceCatalog.Create(
            (await classes.ConfigureAwait(false)).Select(ToQuote),
            PriceDocuments.Percentiles(await percentiles.ConfigureAwait(false)),
            PriceDocuments.Comparables(await comparables.ConfigureAwait(false)));
    }

    /// <summary>Blocking form of <see cref="GetCatalogAsync"/>.</summary>
    public virtual PriceCatalog GetCatalog(CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetCatalogAsync(cancellationToken: cancellationToken), nameof(GetCatalogAsync));

    /// <summary>Price rows matching the query, cheapest market price first (unknown prices last).</summary>
    public virtual async Task<IReadOnlyList<PriceListItem>> ListAsync(PriceQuery? query = null, CancellationToken cancellationToken = default) =>
        (await GetCatalogAsync(cancellationToken).ConfigureAwait(false)).List(query);

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<PriceListItem> List(PriceQuery? query = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListAsync(query, cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary>The price rows of one server class (one per region it is offered in).</summary>
    /// <exception cref="ArgumentException">No class of that name is known.</exception>
    public virtual async Task<IReadOnlyList<PriceRow>> GetAsync(string serverClass, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverClass);
        var rows = (await GetCatalogAsync(cancellationToken).ConfigureAwait(false)).Find(serverClass);
        return rows.Count > 0
            ? rows
            : throw new ArgumentException($"Server class '{serverClass}' is not known; list them with `rsspot server-classes list`.", nameof(serverClass));
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public virtual IReadOnlyList<PriceRow> Get(string serverClass, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(serverClass, cancellationToken: cancellationToken), nameof(GetAsync));

    /// <summary>Past auction results of a server class.</summary>
    public virtual async Task<PriceHistory> GetHistoryAsync(string serverClass, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverClass);
        var history = await CallAsync(
            $"get the price history of \"{serverClass}\"",
            ct => Context.PriceData.History[serverClass].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return PriceHistory.FromRaw(
            history?.Auction ?? serverClass,
            (history?.History ?? []).Select(p => (p.RunAt, (double?)p.HammerPrice)));
    }

    /// <summary>Blocking form of <see cref="GetHistoryAsync"/>.</summary>
    public virtual PriceHistory GetHistory(string serverClass, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetHistoryAsync(serverClass, cancellationToken: cancellationToken), nameof(GetHistoryAsync));

    /// <summary>Builds the three cluster scenarios (max performance, max value, balanced) for the request.</summary>
    /// <exception cref="ArgumentException">The request is invalid, or a region, family or generation filter names something Spot does not have.</exception>
    public virtual async Task<ClusterBuildResult> BuildAsync(ClusterBuildRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ClusterBuildRequestValidation.Validate(request);
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        FilterCheck.EnsureKnown(catalog.Rows, request.Regions, request.Families, request.Generations);
        return ClusterBuilder.Build(catalog, request);
    }

    /// <summary>Blocking form of <see cref="BuildAsync"/>.</summary>
    public virtual ClusterBuildResult Build(ClusterBuildRequest request, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => BuildAsync(request, cancellationToken: cancellationToken), nameof(BuildAsync));

    /// <summary>The server class as a pricing quote (raw strings; parsing happens in the catalog).</summary>
    public static ServerClassQuote ToQuote(ServerClass serverClass)
    {
        ArgumentNullException.ThrowIfNull(serverClass);
        var name = serverClass.Metadata?.Name ?? string.Empty;
        return new ServerClassQuote(name, serverClass.Spec?.Region)
        {
            Category = serverClass.Spec?.Category,
            Generation = ServerClassName.Parse(name).Generation,
            DisplayName = serverClass.Spec?.DisplayName,
            Availability = serverClass.Spec?.Availability,
            Cpu = serverClass.Spec?.Resources?.Cpu,
            Memory = serverClass.Spec?.Resources?.Memory,
            MarketPricePerHour = serverClass.Status?.SpotPricing?.MarketPricePerHour,
            HammerPricePerHour = serverClass.Status?.SpotPricing?.HammerPricePerHour,
            OnDemandCost = serverClass.Spec?.OnDemandPricing?.Cost,
            OnDemandInterval = serverClass.Spec?.OnDemandPricing?.Interval,
        };
    }

    private Task<JsonObject?> GetDocumentAsync(string path, CancellationToken cancellationToken) =>
        ReadDocumentAsync(Context.PriceHttp, path, cancellationToken);

    /// <summary>A public price document, or null when it cannot be fetched or read.</summary>
    internal static async Task<JsonObject?> ReadDocumentAsync(HttpClient priceHttp, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await priceHttp.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject;
        }
        catch (UnexpectedResponseException ex) when (ex.Status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
        {
            // A redirect, an HTML page or an oversized answer is never taken for an absent document.
            throw ApiCall.FromHttp($"read the price document {path}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            // Public documents are optional enrichment: their columns stay unknown rather than failing the listing.
            return null;
        }
    }
}
