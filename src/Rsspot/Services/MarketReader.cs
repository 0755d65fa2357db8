using Rsspot.Generated.Api.Models;
using Rsspot.Http;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>
/// Fresh market reads for the bid guard: spot pools and server classes past the response cache (a guard that acts
/// on a cached price acts on the past), joined with the public percentiles document.
/// </summary>
internal sealed class MarketReader : SpotService
{
    internal MarketReader(SpotContext context)
        : base(context, "pricing")
    {
    }

    public async Task<IReadOnlyList<SpotNodePool>> ListSpotPoolsAsync(string? cloudspace, CancellationToken cancellationToken)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        var list = await CallAsync(
            "list spot node pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Spotnodepools.GetAsync(
                c =>
                {
                    c.Options.Add(BypassCacheOption.Instance);
                    if (selector is not null)
                    {
                        c.QueryParameters.LabelSelector = selector;
                    }
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Autopilot pools past the cache; an API that does not know the resource (404) has none.</summary>
    public async Task<IReadOnlyList<AutopilotNodePool>> ListAutopilotPoolsAsync(string? cloudspace, CancellationToken cancellationToken)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        try
        {
            var list = await CallAsync(
                "list autopilot node pools",
                ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Autopilotnodepools.GetAsync(
                    c =>
                    {
                        c.Options.Add(BypassCacheOption.Instance);
                        if (selector is not null)
                        {
                            c.QueryParameters.LabelSelector = selector;
                        }
                    },
                    ct),
                cancellationToken).ConfigureAwait(false);
            return list?.Items ?? [];
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            return [];
        }
    }

    public async Task<PriceCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        var classes = CallAsync(
            "list server classes",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Serverclasses.GetAsync(c => c.Options.Add(BypassCacheOption.Instance), ct),
            cancellationToken);
        var percentiles = PricingService.ReadDocumentAsync(Context.PriceHttp, "percentiles.json", cancellationToken);
        await Task.WhenAll(classes, percentiles).ConfigureAwait(false);
        return PriceCatalog.Create(
            ((await classes.ConfigureAwait(false))?.Items ?? []).Select(PricingService.ToQuote),
            PriceDocuments.Percentiles(await percentiles.ConfigureAwait(false)),
            []);
    }
}
