namespace Rsspot.Emulator;

/// <summary>A server to assign to a VM cloudspace; null fields get plausible defaults.</summary>
/// <param name="NodePoolName">The VM pool (of that VM cloudspace) the server belongs to.</param>
/// <param name="ServerName">Server name, also its key; a new UUID when null.</param>
/// <param name="DisplayName">Display name; derived from the cloudspace and pool when null.</param>
/// <param name="IP">Address; one from 192.0.2.0/24 (documentation range) when null.</param>
/// <param name="ServerClassName">Server class; the pool's when null.</param>
/// <param name="State">State; Running when null.</param>
public sealed record VmServerRequest(
    string NodePoolName,
    string? ServerName = null,
    string? DisplayName = null,
    string? IP = null,
    string? ServerClassName = null,
    string? State = null);
