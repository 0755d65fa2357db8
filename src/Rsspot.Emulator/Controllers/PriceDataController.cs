using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;

namespace Rsspot.Emulator.Controllers;

/// <summary>The public price documents (no authentication), consistent with the catalog.</summary>
[AllowAnonymous]
internal sealed class PriceDataController(SpotCatalog catalog, PriceDocuments prices) : PricedataControllerBase
{
    public override Task<ActionResult<PriceHistory>> GetPriceHistory(string server_class, CancellationToken cancellationToken = default) =>
        (catalog.FindClass(server_class) is { } c
            ? ApiOutcome.Ok(prices.HistoryDocument(c))
            : ContractResultsBadClass(server_class)).AsTask<PriceHistory>();

    public override Task<ActionResult<PricePercentiles>> GetPricePercentiles(CancellationToken cancellationToken = default) =>
        ApiOutcome.Ok(prices.PercentilesDocument()).AsTask<PricePercentiles>();

    public override Task<ActionResult<ComparablePrices>> GetComparablePrices(CancellationToken cancellationToken = default) =>
        ApiOutcome.Ok(prices.ComparablePricesDocument()).AsTask<ComparablePrices>();

    private static ApiOutcome ContractResultsBadClass(string name) =>
        new(400, new System.Text.Json.Nodes.JsonObject { ["error"] = "unknown server class", ["server_class"] = name });
}
