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
