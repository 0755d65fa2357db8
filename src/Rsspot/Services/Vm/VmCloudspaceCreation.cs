using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>A VM cloudspace and the VM pools created with it.</summary>
/// <param name="VmCloudspace">The created VM cloudspace.</param>
/// <param name="Pools">The created VM pools.</param>
public sealed record VmCloudspaceCreation(VmCloudSpace VmCloudspace, IReadOnlyList<VmPool> Pools);
