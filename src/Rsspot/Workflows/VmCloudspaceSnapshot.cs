namespace Rsspot.Workflows;

/// <summary>The part of a VM cloudspace the registration workflow needs: its name and assigned servers.</summary>
/// <param name="Name">The VM cloudspace name.</param>
/// <param name="Servers">Its assigned servers.</param>
public sealed record VmCloudspaceSnapshot(string Name, IReadOnlyList<AssignedVm> Servers);
