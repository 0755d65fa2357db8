namespace Rsspot.Services;

/// <summary>Bounds of each node's vCPUs in an autopilot pool; a bound left null is open. Both bounds are at least 1 and min ≤ max.</summary>
public sealed record VcpuPerNodeRange
{
    /// <summary>A range; throws when a bound is below 1 or <paramref name="min"/> is above <paramref name="max"/>.</summary>
    /// <param name="min">Fewest vCPUs per node, or null for no lower bound.</param>
    /// <param name="max">Most vCPUs per node, or null for no upper bound.</param>
    /// <exception cref="ArgumentException">The bounds are invalid.</exception>
    public VcpuPerNodeRange(int? min, int? max)
    {
        if (min is < 1 || max is < 1)
        {
            throw new ArgumentException($"vCPUs per node {Describe(min, max)} is invalid: each bound is at least 1.", min is < 1 ? "vcpuPerNodeMin" : "vcpuPerNodeMax");
        }

        if (min is int low && max is int high && low > high)
        {
            throw new ArgumentException($"vCPUs per node {Describe(min, max)} is invalid: the minimum {low} is above the maximum {high}.", "vcpuPerNodeMin");
        }

        Min = min;
        Max = max;
    }

    /// <summary>No bounds.</summary>
    public static VcpuPerNodeRange Any { get; } = new(null, null);

    /// <summary>Fewest vCPUs per node, or null.</summary>
    public int? Min { get; }

    /// <summary>Most vCPUs per node, or null.</summary>
    public int? Max { get; }

    /// <summary>True when a node of <paramref name="cpu"/> vCPUs is within the range.</summary>
    /// <param name="cpu">The node's vCPUs.</param>
    public bool Contains(decimal cpu) => (Min is not int min || cpu >= min) && (Max is not int max || cpu <= max);

    /// <summary>The range as <c>min-max</c>, with <c>*</c> for an open bound.</summary>
    public override string ToString() => Describe(Min, Max);

    private static string Describe(int? min, int? max) =>
        $"{min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}-{max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}";
}
