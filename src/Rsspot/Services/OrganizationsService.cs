using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Organizations the token can see.</summary>
public class OrganizationsService : SpotService
{
    private const int MaxPages = 1000;

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected OrganizationsService()
    {
    }

    internal OrganizationsService(SpotContext context)
        : base(context, "organizations")
    {
    }

    /// <summary>Every organization, all pages fetched.</summary>
    public virtual async Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<Organization>();
        int? start = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var current = start;
            var result = await CallAsync(
                "list organizations",
                ct => Context.Api.Apis.AuthNgpcRxtIo.V1.Organizations.GetAsync(current is null ? null : c => c.QueryParameters.Start = current, ct),
                cancellationToken).ConfigureAwait(false);
            var items = result?.Organizations ?? [];
            all.AddRange(items);
            if (items.Count == 0 || string.IsNullOrEmpty(result?.Next) || (result.Total is { } total && all.Count >= total))
            {
                break;
            }

            start = (result.Start ?? current ?? 0) + items.Count;
        }

        return all;
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    public virtual IReadOnlyList<Organization> List(CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => ListAsync(cancellationToken: cancellationToken), nameof(ListAsync));

    /// <summary>One organization by name, id or namespace.</summary>
    /// <exception cref="ConfigException">No visible organization matches; the message lists the visible ones.</exception>
    public virtual async Task<OrganizationRef> GetAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        return OrgResolver.Pick(await ListRefsAsync(cancellationToken).ConfigureAwait(false), nameOrId);
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    public virtual OrganizationRef Get(string nameOrId, CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => GetAsync(nameOrId, cancellationToken: cancellationToken), nameof(GetAsync));

    /// <summary>The organization this client works in (from the org option or the profile; the only one if there is one).</summary>
    public virtual Task<OrganizationRef> CurrentAsync(CancellationToken cancellationToken = default)
    {
        Context.Lifetime.ThrowIfEnded();
        return Context.Orgs.ResolveAsync(cancellationToken);
    }

    /// <summary>Blocking form of <see cref="CurrentAsync"/>.</summary>
    public virtual OrganizationRef Current(CancellationToken cancellationToken = default) => SyncOverAsync.Run(() => CurrentAsync(cancellationToken: cancellationToken), nameof(CurrentAsync));

    internal async Task<IReadOnlyList<OrganizationRef>> ListRefsAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Select(ToRef).ToList();

    /// <summary>The organization as a reference with its namespace (metadata.namespace, else the normalised id).</summary>
    public static OrganizationRef ToRef(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var id = organization.Id ?? string.Empty;
        var ns = organization.Metadata?.Namespace;
        return new OrganizationRef(id, organization.Name ?? id, organization.DisplayName, string.IsNullOrWhiteSpace(ns) ? OrganizationRef.NormalizeId(id) : ns);
    }
}
