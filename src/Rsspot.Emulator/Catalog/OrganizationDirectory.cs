using System.Security.Cryptography;
using System.Text;

namespace Rsspot.Emulator.Catalog;

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
