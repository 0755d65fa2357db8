using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>Server classes: resources, availability and prices per region.</summary>
public class ServerClassesService : SpotService
{
    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected ServerClassesService()
    {
    }

    internal ServerClassesService(SpotContext context)
        : base(context, "serverclasses")
    {
    }

    /// <summary>Server classes, optionally only those of one region, availability or category (families gp, ch, mh...).</summary>
    /// <exception cref="ArgumentException">The region or category is not one Spot has (the message lists the valid ones).</exception>
    public virtual async Task<IReadOnlyList<ServerClass>> ListAsync(
        string? region = null,
        string? availability = null,
        string? category = null,
        CancellationToken cancellationToken = default)
    {
        var list = await CallAsync(
            "list server classes",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Serverclasses.GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        var all = list?.Items ?? [];
        if (all.Count > 0)
        {
            FilterCheck.Ensure(nameof(region), "region", region is null ? null : [region], all.Select(c => c.Spec?.Region));
            FilterCheck.Ensure(nameof(category), "class family or category", category is null ? null : [category], all.Select(c => c.Metadata?.Name?.Split('.')[0]), all.Select(c => c.Spec?.Category));
        }

        return all
            .Where(c => Matches(c.Spec?.Region, region) && Matches(c.Spec?.Availability, availability) && MatchesCategory(c, category))
            .OrderBy(c => c.Metadata?.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<ServerClass> List(string? region = null, string? availability = null, string? category = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListAsync(region, availability, category, cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one <see cref="ServerClassSummary"/> per class (prices parsed to USD), ordered by name.</summary>
    public virtual async Task<IReadOnlyList<ServerClassSummary>> ListSummariesAsync(
        string? region = null,
        string? availability = null,
        string? category = null,
        CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(region, availability, category, cancellationToken).ConfigureAwait(false)).Select(ServerClassSummary.From)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    public virtual IReadOnlyList<ServerClassSummary> ListSummaries(string? region = null, string? availability = null, string? category = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListSummariesAsync(region, availability, category, cancellationToken: cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One server class by name, e.g. <c>gp.vs1.medium-dfw</c>.</summary>
    public virtual async Task<ServerClass> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await CallAsync(
            $"get server class \"{name}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Serverclasses[name].GetAsync(cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? throw MissingBody($"server class \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public virtual ServerClass Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(name, cancellationToken: cancellationToken), nameof(GetAsync));

    private static bool Matches(string? value, string? wanted) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase);

    private static bool MatchesCategory(ServerClass serverClass, string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return true;
        }

        var family = serverClass.Metadata?.Name?.Split('.')[0];
        return Matches(serverClass.Spec?.Category, category) || Matches(family, category);
    }
}
