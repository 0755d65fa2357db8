using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.Controllers;

/// <summary>Regions: cluster-wide, read-only.</summary>
internal sealed class RegionsController(SpotCatalog catalog) : RegionsControllerBase
{
    public override Task<ActionResult<RegionList>> ListRegions(string? labelSelector, CancellationToken cancellationToken = default) =>
        CatalogLists.List(catalog.Regions.Select(catalog.RegionObject), "RegionList", labelSelector).AsTask<RegionList>();

    public override Task<ActionResult<Region>> GetRegion(string name, CancellationToken cancellationToken = default) =>
        (catalog.FindRegion(name) is { } region ? ApiOutcome.Ok(catalog.RegionObject(region)) : KubeStatus.NotFound("regions", name)).AsTask<Region>();
}

/// <summary>Server classes: cluster-wide, read-only, with resources and the market's current prices.</summary>
internal sealed class ServerClassesController(SpotCatalog catalog, MarketBoard market) : ServerclassesControllerBase
{
    public override Task<ActionResult<ServerClassList>> ListServerClasses(string? labelSelector, CancellationToken cancellationToken = default) =>
        CatalogLists.List(catalog.ServerClasses.Select(market.Priced).Select(catalog.ServerClassObject), "ServerClassList", labelSelector).AsTask<ServerClassList>();

    public override Task<ActionResult<ServerClass>> GetServerClass(string name, CancellationToken cancellationToken = default) =>
        (catalog.FindClass(name) is { } c ? ApiOutcome.Ok(catalog.ServerClassObject(market.Priced(c))) : KubeStatus.NotFound("serverclasses", name)).AsTask<ServerClass>();
}

internal static class CatalogLists
{
    public static ApiOutcome List(IEnumerable<JsonObject> objects, string listKind, string? labelSelector)
    {
        if (!LabelSelector.TryParse(labelSelector, out var selector, out var error))
        {
            return KubeStatus.BadRequest(error);
        }

        var items = new JsonArray(objects.Where(selector.Matches).Select(o => (JsonNode)o).ToArray());
        return ApiOutcome.Ok(new JsonObject
        {
            ["apiVersion"] = "ngpc.rxt.io/v1",
            ["kind"] = listKind,
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = items,
        });
    }
}
