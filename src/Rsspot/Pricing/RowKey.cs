namespace Rsspot.Pricing;

/// <summary>Join key of the price sources: region and class name, compared without regard to case.</summary>
internal readonly record struct RowKey(string Region, string ClassName)
{
    public static RowKey Of(string? region, string? className) => new(region?.Trim() ?? string.Empty, className?.Trim() ?? string.Empty);

    public bool Equals(RowKey other) =>
        StringComparer.OrdinalIgnoreCase.Equals(Region, other.Region)
        && StringComparer.OrdinalIgnoreCase.Equals(ClassName, other.ClassName);

    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Region), StringComparer.OrdinalIgnoreCase.GetHashCode(ClassName));
}
