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
