using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;

namespace Rsspot.Emulator.Controllers;

/// <summary><c>GET /apis/auth.ngpc.rxt.io/v1/organizations</c>: the caller's organizations, one page at a time.</summary>
internal sealed class OrganizationsController(OrganizationDirectory organizations, EmulatorOptions options) : OrganizationsControllerBase
{
    public override Task<ActionResult<OrganizationList>> ListOrganizations(int? start, int? limit, CancellationToken cancellationToken = default)
    {
        if (start < 0 || limit < 1)
        {
            return KubeStatus.BadRequest("start must be 0 or more and limit 1 or more").AsTask<OrganizationList>();
        }

        var first = start ?? 0;
        var pageSize = Math.Min(limit ?? options.OrganizationPageSize, options.OrganizationPageSize);
        var page = organizations.All.Skip(first).Take(pageSize).ToList();
        var items = new JsonArray();
        foreach (var org in page)
        {
            items.Add(new JsonObject
            {
                ["id"] = org.Id,
                ["name"] = org.Name,
                ["display_name"] = org.DisplayName,
                ["metadata"] = new JsonObject { ["namespace"] = org.Namespace },
            });
        }

        var body = new JsonObject
        {
            ["start"] = first,
            ["limit"] = pageSize,
            ["length"] = page.Count,
            ["total"] = organizations.All.Count,
            ["organizations"] = items,
        };
        var nextStart = first + page.Count;
        if (page.Count > 0 && nextStart < organizations.All.Count)
        {
            body["next"] = string.Create(
                CultureInfo.InvariantCulture,
                $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Request.Path}?start={nextStart}&limit={pageSize}");
        }

        return ApiOutcome.Ok(body).AsTask<OrganizationList>();
    }
}
