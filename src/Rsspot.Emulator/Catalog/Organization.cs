using System.Security.Cryptography;
using System.Text;

namespace Rsspot.Emulator.Catalog;

/// <summary>An organization of the caller, with the namespace that scopes its resources.</summary>
internal sealed record Organization(string Id, string Name, string DisplayName)
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary><c>org-</c> + the id after <c>org_</c>, lower case, with <c>_</c> turned into <c>-</c>.</summary>
    public string Namespace => NamespaceOf(Id);

    public static string NamespaceOf(string id) =>
        "org-" + (id.StartsWith("org_", StringComparison.Ordinal) ? id[4..] : id).ToLowerInvariant().Replace('_', '-');

    /// <summary>A stable id shaped like the real ones (<c>org_2</c> + base62), derived from the name.</summary>
    public static Organization Create(string name, string displayName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("rsspot-emulator-org/" + name));
        var id = new StringBuilder("org_2");
        for (var i = 0; i < 26; i++)
        {
            id.Append(Alphabet[hash[i] % Alphabet.Length]);
        }

        return new Organization(id.ToString(), name, displayName);
    }
}

/// <summary>The organizations the caller belongs to: the configured one first, then a few more for paging.</summary>
internal sealed class OrganizationDirectory
{
    private static readonly string[] Suffixes = ["staging", "production", "research", "archive"];

    public OrganizationDirectory(string primaryName)
    {
        var all = new List<Organization> { Organization.Create(primaryName, DisplayNameOf(primaryName)) };
        all.AddRange(Suffixes.Select(s => Organization.Create($"{primaryName}-{s}", DisplayNameOf($"{primaryName}-{s}"))));
        All = all;
    }

    public IReadOnlyList<Organization> All { get; }

    public Organization Primary => All[0];

    public Organization? FindByNamespace(string ns) => All.FirstOrDefault(o => o.Namespace == ns);

    public Organization? FindByNameOrId(string nameOrId) =>
        All.FirstOrDefault(o => o.Name == nameOrId || string.Equals(o.Id, nameOrId, StringComparison.OrdinalIgnoreCase));

    private static string DisplayNameOf(string name) =>
        string.Join(' ', name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
