using System.Security.Cryptography;
using System.Text;

namespace Rsspot.Workflows;

/// <summary>Derives stable registration keys, identical to the Python rsspot's.</summary>
public static class RegistrationKey
{
    /// <summary>The prefix of every key.</summary>
    public const string Prefix = "vmreg-";

    /// <summary>
    /// <c>vmreg-</c> + the first 32 lower-case hex characters of SHA-256 over
    /// <c>vm_uid|org_id|vmcloudspace|vmpool|omni_cluster</c> (UTF-8; a missing part is an empty string).
    /// </summary>
    /// <param name="vmUid">The VM's unique id.</param>
    /// <param name="orgId">The organization id.</param>
    /// <param name="vmCloudspace">The VM cloudspace.</param>
    /// <param name="vmPool">The VM pool.</param>
    /// <param name="omniCluster">The external cluster.</param>
    /// <returns>The key.</returns>
    public static string Compute(string? vmUid, string? orgId, string? vmCloudspace, string? vmPool, string? omniCluster)
    {
        string material = string.Join('|', vmUid ?? string.Empty, orgId ?? string.Empty, vmCloudspace ?? string.Empty, vmPool ?? string.Empty, omniCluster ?? string.Empty);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return Prefix + Convert.ToHexStringLower(hash)[..32];
    }
}
