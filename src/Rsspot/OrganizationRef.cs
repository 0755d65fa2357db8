namespace Rsspot;

/// <summary>An organization the token can see, with the namespace that scopes its resources.</summary>
/// <param name="Id">Organization id (e.g. <c>org_2AbC...</c>).</param>
/// <param name="Name">Organization name.</param>
/// <param name="DisplayName">Human-friendly name.</param>
/// <param name="Namespace">The namespace (<c>org-...</c>) used in API paths.</param>
public sealed record OrganizationRef(string Id, string Name, string? DisplayName, string Namespace)
{
    /// <summary>Normalises an organization id the way namespaces are spelled: lower case, <c>_</c> → <c>-</c>.</summary>
    public static string NormalizeId(string id) => id.Trim().ToLowerInvariant().Replace('_', '-');

    /// <summary>True when <paramref name="selector"/> names this organization by name, id or namespace.</summary>
    public bool Matches(string selector) =>
        string.Equals(Name, selector, StringComparison.OrdinalIgnoreCase)
        || string.Equals(NormalizeId(Id), NormalizeId(selector), StringComparison.Ordinal)
        || string.Equals(Namespace, selector.Trim().ToLowerInvariant(), StringComparison.Ordinal);
}
