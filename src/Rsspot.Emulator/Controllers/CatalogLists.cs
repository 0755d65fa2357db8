using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.Controllers;

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
