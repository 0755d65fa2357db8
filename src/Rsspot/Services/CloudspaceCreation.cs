using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>A cloudspace and the pools created with it.</summary>
/// <param name="Cloudspace">The created cloudspace.</param>
/// <param name="SpotPools">The created spot pools.</param>
/// <param name="OnDemandPools">The created on-demand pools.</param>
public sealed record CloudspaceCreation(CloudSpace Cloudspace, IReadOnlyList<SpotNodePool> SpotPools, IReadOnlyList<OnDemandNodePool> OnDemandPools);
