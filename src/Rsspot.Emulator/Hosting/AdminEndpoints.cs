using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rsspot.Emulator.Diagnostics;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.Hosting;

/// <summary>
/// The emulator's own endpoints under <c>/_emulator</c> (no auth, no faults, not logged): faults, forced
/// token expiry, the request log and counters, VM servers that appear and vanish, and the market.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(AdminPaths.Root);
        admin.MapGet("/info", (EmulatorServices s) => Results.Json(new
        {
            organizationName = s.Organizations.Primary.Name,
            organizationId = s.Organizations.Primary.Id,
            @namespace = s.Organizations.Primary.Namespace,
            organizations = s.Organizations.All.Select(o => new { id = o.Id, name = o.Name, @namespace = o.Namespace }),
            tokenLifetimeSeconds = s.Options.TokenLifetime.TotalSeconds,
            readyAfterSeconds = s.Options.ReadyAfter.TotalSeconds,
            organizationPageSize = s.Options.OrganizationPageSize,
            persistent = s.Options.DataFile is not null,
        }));

        admin.MapGet("/faults", (EmulatorServices s) => Results.Json(s.Faults.Current));
        admin.MapPut("/faults", (EmulatorServices s, FaultSettings settings) => SetFaults(s, settings));
        admin.MapDelete("/faults", (EmulatorServices s) => SetFaults(s, new FaultSettings()));
        admin.MapPost("/tokens/expire", (EmulatorServices s) =>
        {
            s.Tokens.ExpireAll();
            s.KubeTokens.ExpireAll();
            return Results.NoContent();
        });

        admin.MapGet("/requests", (EmulatorServices s) => Results.Json(s.Journal.Entries()));
        admin.MapDelete("/requests", (EmulatorServices s) =>
        {
            s.Journal.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/counters", (EmulatorServices s) => Results.Json(new
        {
            requests = s.Journal.Counts(),
            total = s.Journal.Counts().Values.Sum(),
            tokenExchanges = s.Tokens.Exchanges,
        }));

        admin.MapPost("/vmcloudspaces/{namespace}/{name}/servers", (EmulatorServices s, string @namespace, string name, VmServerRequest server) =>
        {
            if (string.IsNullOrEmpty(server.NodePoolName))
            {
                return Results.Json(new { error = "nodePoolName is required" }, statusCode: 400);
            }

            var (key, error) = s.Vms.AddServer(@namespace, name, server);
            return key is null ? Results.Json(new { error }, statusCode: 404) : Results.Json(new JsonObject { ["key"] = key }, statusCode: 201);
        });
        admin.MapDelete("/vmcloudspaces/{namespace}/{name}/servers/{key}", (EmulatorServices s, string @namespace, string name, string key) =>
            s.Vms.RemoveServer(@namespace, name, key) ? Results.NoContent() : Results.Json(new { error = $"server \"{key}\" not found" }, statusCode: 404));
        MarketAdminEndpoints.Map(admin);
    }

    private static IResult SetFaults(EmulatorServices services, FaultSettings settings)
    {
        try
        {
            services.Faults.Set(settings);
            return Results.Json(services.Faults.Current);
        }
        catch (ArgumentException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: 400);
        }
    }
}
