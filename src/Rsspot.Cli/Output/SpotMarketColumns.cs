using Rsspot.Cli.Infrastructure;
using Rsspot.Pricing;

namespace Rsspot.Cli.Output;

/// <summary>The market and minimum (reserve) price of a spot pool's class, shown beside its bid.</summary>
internal sealed class SpotMarketColumns
{
    private readonly PriceCatalog? _catalog;

    private SpotMarketColumns(PriceCatalog? catalog)
    {
        _catalog = catalog;
    }

    /// <summary>Reads the prices for a table; json and yaml keep the API's objects as they are, so they read nothing.</summary>
    public static async Task<SpotMarketColumns> ReadAsync(CliSession s, CancellationToken ct)
    {
        if (!s.Output.IsTable)
        {
            return new SpotMarketColumns(null);
        }

        try
        {
            return new SpotMarketColumns(await s.Client.Pricing.GetCatalogAsync(ct).ConfigureAwait(false));
        }
        catch (SpotException)
        {
            // Prices are context for the bid; without them the pools are still worth showing.
            return new SpotMarketColumns(null);
        }
    }

    public string Market(string? serverClass) => JsonModels.Money(Row(serverClass)?.MarketPerHour);

    public string Minimum(string? serverClass) => JsonModels.Money(Row(serverClass)?.MinimumBidPerHour);

    private PriceRow? Row(string? serverClass) =>
        serverClass is null || _catalog is null ? null : _catalog.Find(serverClass).FirstOrDefault();
}
