using System.Text.RegularExpressions;

namespace Rsspot.Services;

/// <summary>The API's naming rules (from the spec's CloudspaceName and NodePoolName), checked before any request.</summary>
public static partial class SpotNames
{
    /// <summary>Throws unless <paramref name="name"/> is a DNS-1123 label (lower case letters, digits, '-', at most 63).</summary>
    public static void EnsureCloudspaceName(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name)
            || name.Length < SpecConstraints.CloudspaceNameMinLength
            || name.Length > SpecConstraints.CloudspaceNameMaxLength
            || !Dns1123Label().IsMatch(name))
        {
            throw new ArgumentException(
                $"Cloudspace name '{name}' is invalid: use {SpecConstraints.CloudspaceNameMinLength}-{SpecConstraints.CloudspaceNameMaxLength} lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. prod-east).",
                field);
        }
    }

    /// <summary>Throws unless <paramref name="name"/> is a lower-case UUID, which the API requires for node pool names.</summary>
    public static void EnsurePoolName(string? name, string field = "name") => EnsurePoolName(name, field, string.Empty);

    /// <summary>Same as <see cref="EnsurePoolName(string?, string)"/> for the name of a pool being created, which may be left out.</summary>
    internal static void EnsureNewPoolName(string? name, string field = "name") => EnsurePoolName(name, field, "; leave it out to get a new one");

    private static void EnsurePoolName(string? name, string field, string advice)
    {
        if (string.IsNullOrEmpty(name) || !LowerCaseUuid().IsMatch(name))
        {
            throw new ArgumentException(
                $"Node pool name '{name}' is invalid: the API requires a lower-case UUID (e.g. {NewPoolName()}){advice}.",
                field);
        }
    }

    /// <summary>A new node pool name (a lower-case UUID).</summary>
    public static string NewPoolName() => Guid.NewGuid().ToString("D");

    [GeneratedRegex(SpecConstraints.CloudspaceNamePattern)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(SpecConstraints.NodePoolNamePattern)]
    private static partial Regex LowerCaseUuid();
}
