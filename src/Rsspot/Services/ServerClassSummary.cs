using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>A server class in one row, flattened from <see cref="ServerClass"/>; prices are USD per hour, null when unknown.</summary>
/// <param name="Name">The class name, e.g. gp.vs1.medium-dfw.</param>
/// <param name="Region">Its region.</param>
/// <param name="Category">Its category, e.g. General Purpose.</param>
/// <param name="Cpu">The CPU count as the API states it.</param>
/// <param name="Memory">The memory as the API states it, e.g. 3.75GB.</param>
/// <param name="MarketPricePerHour">The current spot market price.</param>
/// <param name="HammerPricePerHour">The last auction's hammer price.</param>
/// <param name="OnDemandPricePerHour">The on-demand price.</param>
/// <param name="Availability">Its availability, e.g. available.</param>
/// <param name="Available">Servers available now.</param>
/// <param name="Capacity">Servers in total.</param>
public sealed record ServerClassSummary(
    string Name,
    string? Region,
    string? Category,
    string? Cpu,
    string? Memory,
    decimal? MarketPricePerHour,
    decimal? HammerPricePerHour,
    decimal? OnDemandPricePerHour,
    string? Availability,
    int? Available,
    int? Capacity)
{
    /// <summary>Flattens a generated server class model.</summary>
    /// <param name="serverClass">The model.</param>
    public static ServerClassSummary From(ServerClass serverClass)
    {
        ArgumentNullException.ThrowIfNull(serverClass);
        return new ServerClassSummary(
            serverClass.Metadata?.Name ?? string.Empty,
            serverClass.Spec?.Region,
            serverClass.Spec?.Category,
            serverClass.Spec?.Resources?.Cpu,
            serverClass.Spec?.Resources?.Memory,
            PriceText.ParseUsd(serverClass.Status?.SpotPricing?.MarketPricePerHour),
            PriceText.ParseUsd(serverClass.Status?.SpotPricing?.HammerPricePerHour),
            PriceText.ParseUsd(serverClass.Spec?.OnDemandPricing?.Cost),
            serverClass.Spec?.Availability,
            serverClass.Status?.Available,
            serverClass.Status?.Capacity);
    }
}
