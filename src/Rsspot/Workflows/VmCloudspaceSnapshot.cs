namespace Rsspot.Workflows;

/// <summary>One server assigned to a VM cloudspace (an entry of <c>status.assignedServers</c>).</summary>
/// <param name="Key">The map key of the entry.</param>
/// <param name="ServerName">The <c>serverName</c>, if present.</param>
/// <param name="DisplayName">The <c>displayName</c>, if present.</param>
/// <param name="NodePoolName">The <c>nodePoolName</c> (VM pool), if present.</param>
public sealed record AssignedVm(string Key, string? ServerName = null, string? DisplayName = null, string? NodePoolName = null)
{
    /// <summary>The machine's IP address, when the API reports one.</summary>
    public string? Ip { get; init; }

    /// <summary>The machine's provisioning state, when the API reports one.</summary>
    public string? State { get; init; }
}

/// <summary>The part of a VM cloudspace the registration workflow needs: its name and assigned servers.</summary>
/// <param name="Name">The VM cloudspace name.</param>
/// <param name="Servers">Its assigned servers.</param>
public sealed record VmCloudspaceSnapshot(string Name, IReadOnlyList<AssignedVm> Servers);

/// <summary>A VM that should be registered, with its stable <see cref="Key"/>.</summary>
/// <param name="Key">The registration key (see <see cref="RegistrationKey.Compute"/>).</param>
/// <param name="VmUid">The VM's unique id (serverName, or the assignedServers key).</param>
/// <param name="OrgId">The organization id.</param>
/// <param name="VmCloudspace">The VM cloudspace.</param>
/// <param name="VmPool">The VM pool, if known.</param>
/// <param name="VmName">The display name (displayName, or serverName).</param>
/// <param name="OmniCluster">The external cluster it joins, if any.</param>
public sealed record RegistrationCandidate(string Key, string VmUid, string OrgId, string VmCloudspace, string? VmPool, string VmName, string? OmniCluster);
