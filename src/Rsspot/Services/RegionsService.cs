using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Regions where cloudspaces run.</summary>
public sealed class RegionsService : SpotService
{
    internal RegionsService(SpotContext context)
        : base(context)
    {
    }

    /// <summary>Every region, optionally filtered by a label selector.</summary>
    public async Task<IReadOnlyList<Region>> ListAsync(string? labelSelector = null, CancellationToken cancellationToken = default)
    {
        // Configure the request only when a parameter is set: Kiota reflects over the query parameters of every configured call.
        var list = await ApiCall.RunAsync(
            Context,
            "list regions",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Regions.GetAsync(labelSelector is null ? null : c => c.QueryParameters.LabelSelector = labelSelector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public IReadOnlyList<Region> List(string? labelSelector = null) => SyncOverAsync.Run(() => ListAsync(labelSelector), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="RegionSummary"/> per region, ordered by name.</summary>
    public async Task<IReadOnlyList<RegionSummary>> ListSummariesAsync(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(labelSelector, cancellationToken).ConfigureAwait(false)).Select(RegionSummary.From).OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public IReadOnlyList<RegionSummary> ListSummaries(string? labelSelector = null) => SyncOverAsync.Run(() => ListSummariesAsync(labelSelector), nameof(ListSummariesAsync));

    /// <summary>One region by name.</summary>
    public async Task<Region> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await ApiCall.RunAsync(
            Context,
            $"get region \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Regions[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"region \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public Region Get(string name) => SyncOverAsync.Run(() => GetAsync(name), nameof(GetAsync));
}
