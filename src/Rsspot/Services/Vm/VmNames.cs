using System.Text.RegularExpressions;

namespace Rsspot.Services.Vm;

/// <summary>The naming rules of VM resources (from the spec's VmResourceName and VmPoolName), checked before any request.</summary>
public static partial class VmNames
{
    /// <summary>The label the API puts on every VM pool, naming its VM cloudspace.</summary>
    public const string VmCloudspaceLabel = "ngpc.rxt.io/vmcloudspace";

    /// <summary>Throws unless <paramref name="name"/> is a DNS-1123 label or a UUID of at most 63 characters (VM SSH keys and VM cloudspaces).</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="noun">What is named, for the message (e.g. <c>VM cloudspace</c>).</param>
    /// <param name="field">The parameter the name came from.</param>
    public static void EnsureResourceName(string? name, string noun, string field = "name")
    {
        if (string.IsNullOrEmpty(name)
            || name.Length < SpecConstraints.VmResourceNameMinLength
            || name.Length > SpecConstraints.VmResourceNameMaxLength
            || !ResourceName().IsMatch(name))
        {
            throw new ArgumentException(
                $"{noun} name '{name}' is invalid: use 1-63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. my-vm-cs), or a UUID.",
                field);
        }
    }

    /// <summary>Throws unless <paramref name="name"/> is a lower-case UUID (VM pool names).</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="field">The parameter the name came from.</param>
    public static void EnsurePoolName(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name) || !PoolName().IsMatch(name))
        {
            throw new ArgumentException($"VM pool name '{name}' is invalid: VM pools are named by a lower-case UUID (e.g. {NewPoolName()}).", field);
        }
    }

    /// <summary>A new VM pool name (a lower-case UUID), as spotctl gives every VM pool.</summary>
    public static string NewPoolName() => Guid.NewGuid().ToString("D");

    /// <summary>The label selector of one VM cloudspace's pools.</summary>
    /// <param name="vmCloudspace">The VM cloudspace.</param>
    public static string PoolSelector(string vmCloudspace)
    {
        EnsureResourceName(vmCloudspace, "VM cloudspace", "vmCloudspace");
        return $"{VmCloudspaceLabel}={vmCloudspace}";
    }

    [GeneratedRegex(SpecConstraints.VmResourceNamePattern)]
    private static partial Regex ResourceName();

    [GeneratedRegex(SpecConstraints.VmPoolNamePattern)]
    private static partial Regex PoolName();
}
