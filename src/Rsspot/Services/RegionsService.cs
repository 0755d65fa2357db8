using Rsspot.Generated.Api.Models;
using Rsspot.Http;

namespace Rsspot.Services;

/// <summary>Regions where cloudspaces run.</summary>
public class RegionsService : SpotService
{
    private Func<CancellationToken, Task<RegionList?>>? _listAll;

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected RegionsService()
    {
    }

    internal RegionsService(SpotContext context)
        : base(context, "regions")
    {
    }

    /// <summary>Every region, optionally filtered by a label selector.</summary>
    public virtual async Task<IReadOnlyList<Region>> ListAsync(string? labelSelector = null, CancellationToken cancellationToken = default)
    {
        // Configure the request only when a parameter is set: Kiota reflects over the query parameters of every configured call.
        var list = await CallAsync(
            "list regions",
            labelSelector is null ? (_listAll ??= ListAllCall(Context).SendAsync) : ct => Context.V1.Regions.GetAsync(c => c.QueryParameters.LabelSelector = labelSelector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    private static UnchangingCall<RegionList> ListAllCall(SpotContext context) => new(
        context.Requests,
        () => context.V1.Regions.ToGetRequestInformation(),
        RegionList.CreateFromDiscriminatorValue,
        (option, ct) => option is null ? context.V1.Regions.GetAsync(null, ct) : context.V1.Regions.GetAsync(c => c.Options.Add(option), ct));

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<Region> List(string? labelSelector = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListAsync(labelSelector, cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="RegionSummary"/> per region, ordered by name.</summary>
    public virtual async Task<IReadOnlyList<RegionSummary>> ListSummariesAsync(string? labelSelector = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(labelSelector, cancellationToken).ConfigureAwait(false)).Select(RegionSummary.From).OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public virtual IReadOnlyList<RegionSummary> ListSummaries(string? labelSelector = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListSummariesAsync(labelSelector, cancellationToken: cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One region by name.</summary>
    public virtual async Task<Region> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await CallAsync(
            $"get region \"{name}\"",
            ct => Context.V1.Regions[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"region \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public virtual Region Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken: cancellationToken), nameof(GetAsync));
}
