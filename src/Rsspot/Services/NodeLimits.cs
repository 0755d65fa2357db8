namespace Rsspot.Services;

/// <summary>
/// Bounds on node counts (<c>desired</c>, <c>autoscaling.minNodes</c>, <c>autoscaling.maxNodes</c>). The published API
/// types them as integers with a minimum; this SDK also refuses counts above <see cref="MaxNodesPerPool"/> before any
/// request (a typo such as 2147483647 would otherwise be sent), and warns when a count is above the server class's
/// <c>status.capacity</c>, which the API accepts but cannot fill.
/// </summary>
public static class NodeLimits
{
    /// <summary>The most nodes one pool may ask for: 1000, far above any class's capacity.</summary>
    public const int MaxNodesPerPool = 1000;

    internal static void Ensure(int count, int minimum, string field)
    {
        if (count < minimum || count > MaxNodesPerPool)
        {
            throw new ArgumentException($"Node count {count} is invalid for {field}: it must be from {minimum} to {MaxNodesPerPool} (a sane bound far above any server class's capacity).", field);
        }
    }
}
