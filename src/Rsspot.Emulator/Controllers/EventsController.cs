using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>Recent events of the caller's (first) organization, newest first.</summary>
internal sealed class EventsController(EmulatorState state, OrganizationDirectory organizations) : EventsControllerBase
{
    public const int DefaultLimit = 50;

    public override Task<ActionResult<OrganizationEvents>> ListOrganizationEvents(int? limits, CancellationToken cancellationToken = default)
    {
        if (limits < 1)
        {
            return KubeStatus.BadRequest("limits must be 1 or more").AsTask<OrganizationEvents>();
        }

        var org = organizations.Primary;
        IReadOnlyList<(DateTimeOffset Time, string Message)> latest;
        lock (state.Gate)
        {
            latest = state.Events.Latest(org.Namespace, limits ?? DefaultLimit);
        }

        var events = new JsonArray(latest.Select(e => (JsonNode)new JsonArray(EventLog.Format(e.Time), e.Message)).ToArray());
        return ApiOutcome.Ok(new JsonObject { ["org_id"] = org.Id, ["type"] = "organization", ["events"] = events }).AsTask<OrganizationEvents>();
    }
}
