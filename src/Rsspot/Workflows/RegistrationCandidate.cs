namespace Rsspot.Workflows;

/// <summary>A VM that should be registered, with its stable <see cref="Key"/>.</summary>
/// <param name="Key">The registration key (see <see cref="RegistrationKey.Compute"/>).</param>
/// <param name="VmUid">The VM's unique id (serverName, or the assignedServers key).</param>
/// <param name="OrgId">The organization id.</param>
/// <param name="VmCloudspace">The VM cloudspace.</param>
/// <param name="VmPool">The VM pool, if known.</param>
/// <param name="VmName">The display name (displayName, or serverName).</param>
/// <param name="OmniCluster">The external cluster it joins, if any.</param>
public sealed record RegistrationCandidate(string Key, string VmUid, string OrgId, string VmCloudspace, string? VmPool, string VmName, string? OmniCluster);
