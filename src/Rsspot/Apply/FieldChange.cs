namespace Rsspot.Apply;

/// <summary>One field of a planned change.</summary>
/// <param name="Field">The field as the spec file spells it, e.g. desired or bidPrice.</param>
/// <param name="Before">The value that exists, or null for a new object.</param>
/// <param name="After">The value wanted.</param>
public sealed record FieldChange(string Field, string? Before, string After)
{
    /// <summary><c>field: before -> after</c>, or <c>field: after</c> for a new object.</summary>
    public override string ToString() => Before is null ? $"{Field}: {After}" : $"{Field}: {Before} -> {After}";
}
