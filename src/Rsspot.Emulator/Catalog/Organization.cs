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
