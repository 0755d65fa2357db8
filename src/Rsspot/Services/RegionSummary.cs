using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>A region in one row, flattened from <see cref="Region"/>.</summary>
/// <param name="Name">The region name, e.g. us-central-dfw-1.</param>
/// <param name="Country">Its country code.</param>
/// <param name="Description">Its description, e.g. Dallas-Fort Worth, Texas.</param>
public sealed record RegionSummary(string Name, string? Country, string? Description)
{
    /// <summary>Flattens a generated region model.</summary>
    /// <param name="region">The model.</param>
    public static RegionSummary From(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new RegionSummary(region.Metadata?.Name ?? string.Empty, region.Spec?.Country, region.Spec?.Description);
    }
}
