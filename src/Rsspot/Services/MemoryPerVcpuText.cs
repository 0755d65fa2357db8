using System.Globalization;

namespace Rsspot.Services;

/// <summary>The wire text of <see cref="MemoryPerVcpu"/> (<c>any</c>, <c>2</c>, <c>4</c>, <c>8</c>) and which server classes match it.</summary>
public static class MemoryPerVcpuText
{
    /// <summary>The values the API accepts, as it spells them.</summary>
    public static IReadOnlyList<string> Allowed { get; } = ["any", "2", "4", "8"];

    /// <summary>The wire text of a value.</summary>
    /// <param name="value">The value.</param>
    public static string Format(MemoryPerVcpu value) => value switch
    {
        MemoryPerVcpu.Any => "any",
        MemoryPerVcpu.Gb2 or MemoryPerVcpu.Gb4 or MemoryPerVcpu.Gb8 => ((int)value).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Memory per vCPU {(int)value} is invalid: use one of {string.Join(", ", Allowed)}.", nameof(value)),
    };

    /// <summary>Parses <c>any</c>, <c>2</c>, <c>4</c> or <c>8</c> (an optional <c>GB</c> suffix is tolerated).</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field named in the error.</param>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static MemoryPerVcpu Parse(string? text, string field = "memoryPerVcpu")
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.EndsWith("gb", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^2].TrimEnd();
        }

        return trimmed.ToLowerInvariant() switch
        {
            "any" => MemoryPerVcpu.Any,
            "2" => MemoryPerVcpu.Gb2,
            "4" => MemoryPerVcpu.Gb4,
            "8" => MemoryPerVcpu.Gb8,
            _ => throw new ArgumentException($"Memory per vCPU '{text}' is invalid: use one of {string.Join(", ", Allowed)} (GB per vCPU).", field),
        };
    }

    /// <summary>
    /// True when a class of <paramref name="cpu"/> vCPUs and <paramref name="memoryGb"/> GB has the ratio
    /// <paramref name="value"/> asks for: the nearest of 2, 4 and 8 GB per vCPU on a doubling scale (3.75 GB per vCPU is 4).
    /// </summary>
    /// <param name="value">The wanted ratio.</param>
    /// <param name="cpu">The class's vCPUs.</param>
    /// <param name="memoryGb">The class's memory in GB.</param>
    public static bool Matches(MemoryPerVcpu value, decimal cpu, decimal memoryGb)
    {
        if (value == MemoryPerVcpu.Any)
        {
            return true;
        }

        if (cpu <= 0 || memoryGb <= 0)
        {
            return false;
        }

        var ratio = Math.Log2((double)(memoryGb / cpu));
        var nearest = new[] { MemoryPerVcpu.Gb2, MemoryPerVcpu.Gb4, MemoryPerVcpu.Gb8 }.MinBy(v => Math.Abs(ratio - Math.Log2((int)v)));
        return nearest == value;
    }
}
