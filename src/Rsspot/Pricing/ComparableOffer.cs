namespace Rsspot.Pricing;

/// <summary>A similar instance type on another cloud.</summary>
/// <param name="Cloud">Cloud name, e.g. <c>aws</c>.</param>
/// <param name="ClassName">That cloud's instance type.</param>
/// <param name="Price">Price as text (USD per hour).</param>
public sealed record ComparableOffer(string? Cloud, string? ClassName, string? Price)
{
    /// <summary><see cref="Price"/> parsed, or null when unknown.</summary>
    public decimal? PricePerHour => PriceText.ParseUsd(Price);
}
