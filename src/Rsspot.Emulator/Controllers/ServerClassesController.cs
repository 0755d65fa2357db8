using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.Controllers;

/// <summary>Server classes: cluster-wide, read-only, with resources and the market's current prices.</summary>
internal sealed class ServerClassesController(SpotCatalog catalog, MarketBoard market) : ServerclassesControllerBase
{
    public override Task<ActionResult<ServerClassList>> ListServerClasses(string? labelSelector, CancellationToken cancellationToken = default) =>
        CatalogLists.List(catalog.ServerClasses.Select(market.Priced).Select(catalog.ServerClassObject), "ServerClassList", labelSelector).AsTask<ServerClassList>();

    public override Task<ActionResult<ServerClass>> GetServerClass(string name, CancellationToken cancellationToken = default) =>
        (catalog.FindClass(name) is { } c ? ApiOutcome.Ok(catalog.ServerClassObject(market.Priced(c))) : KubeStatus.NotFound("serverclasses", name)).AsTask<ServerClass>();
}
