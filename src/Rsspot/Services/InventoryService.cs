using System.Text.Json.Nodes;
using Rsspot.Generated.Api.Models;
using Rsspot.Workflows;

namespace Rsspot.Services;

/// <summary>VM cloudspaces, VM pools and organization events.</summary>
public class InventoryService : SpotService
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected InventoryService()
    {
    }

    internal InventoryService(SpotContext context)
        : base(context, "inventory")
    {
    }

    /// <summary>VM cloudspaces of the organization.</summary>
    public virtual async Task<IReadOnlyList<VmCloudSpace>> ListVmCloudspacesAsync(CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var list = await CallAsync(
            "list VM cloudspaces",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmcloudspaces.GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListVmCloudspacesAsync"/>.</summary>
    public virtual IReadOnlyList<VmCloudSpace> ListVmCloudspaces(CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListVmCloudspacesAsync(cancellationToken: cancellationToken), nameof(ListVmCloudspacesAsync));

    /// <summary>VM pools of the organization, or of one VM cloudspace.</summary>
    public virtual async Task<IReadOnlyList<VmPool>> ListVmPoolsAsync(string? vmCloudspace = null, CancellationToken cancellationToken = default)
    {
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var selector = string.IsNullOrWhiteSpace(vmCloudspace) ? null : $"ngpc.rxt.io/vmcloudspace={vmCloudspace}";
        var list = await CallAsync(
            "list VM pools",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Vmpools.GetAsync(selector is null ? null : c => c.QueryParameters.LabelSelector = selector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListVmPoolsAsync"/>.</summary>
    public virtual IReadOnlyList<VmPool> ListVmPools(string? vmCloudspace = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListVmPoolsAsync(vmCloudspace, cancellationToken: cancellationToken), nameof(ListVmPoolsAsync));

    /// <summary>Recent events of the organization (at most <paramref name="limit"/>).</summary>
    public virtual async Task<IReadOnlyList<OrganizationEvent>> ListEventsAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var events = await CallAsync(
            "list organization events",
            ct => Context.Api.Apis.MetricsNgpcRxtIo.V1.Events.Organizations.GetAsync(c => c.QueryParameters.Limits = limit, ct),
            cancellationToken).ConfigureAwait(false);
        return ModelMaps.ToJson(events?.Events) switch
        {
            JsonArray pairs => pairs.OfType<JsonArray>()
                .Select(p => new OrganizationEvent(p.Count > 0 ? p[0]?.ToString() ?? string.Empty : string.Empty, p.Count > 1 ? p[1]?.ToString() ?? string.Empty : string.Empty))
                .ToList(),
            null => [],
            _ => throw new SpotApiException(
                "List organization events failed: the server answered with JSON of the wrong shape (events is not a list). The base_url may not point at the Spot API.",
                System.Net.HttpStatusCode.OK,
                ApiCall.UnexpectedReason,
                null,
                "list organization events"),
        };
    }

    /// <summary>Blocking form of <see cref="ListEventsAsync"/>.</summary>
    public virtual IReadOnlyList<OrganizationEvent> ListEvents(int limit = 50, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListEventsAsync(limit, cancellationToken: cancellationToken), nameof(ListEventsAsync));

    /// <summary>The machines assigned to a VM cloudspace (from <c>status.assignedServers</c>).</summary>
    public static IReadOnlyList<AssignedVm> AssignedVms(VmCloudSpace cloudspace)
    {
        ArgumentNullException.ThrowIfNull(cloudspace);
        return ModelMaps.ToObjects(cloudspace.Status?.AssignedServers)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new AssignedVm(kv.Key, Text(kv.Value, "serverName"), Text(kv.Value, "displayName"), Text(kv.Value, "nodePoolName"))
            {
                // Newer answers spell the address ipAddress, older ones IP.
                Ip = Present(Text(kv.Value, "ipAddress")) ?? Text(kv.Value, "IP"),
                State = Text(kv.Value, "state"),
            })
            .ToList();
    }

    /// <summary>The VM cloudspaces as the registration workflow takes them (name and assigned machines).</summary>
    public virtual async Task<IReadOnlyList<VmCloudspaceSnapshot>> ListVmCloudspaceSnapshotsAsync(CancellationToken cancellationToken = default) =>
        (await ListVmCloudspacesAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => !string.IsNullOrEmpty(c.Metadata?.Name))
            .Select(c => new VmCloudspaceSnapshot(c.Metadata!.Name!, AssignedVms(c)))
            .ToList();

    /// <summary>Blocking form of <see cref="ListVmCloudspaceSnapshotsAsync"/>.</summary>
    public virtual IReadOnlyList<VmCloudspaceSnapshot> ListVmCloudspaceSnapshots(CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListVmCloudspaceSnapshotsAsync(cancellationToken: cancellationToken), nameof(ListVmCloudspaceSnapshotsAsync));

    private static string? Present(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Text(JsonObject value, string name) => value[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value[name]!.GetValue<string>() : null;
}
