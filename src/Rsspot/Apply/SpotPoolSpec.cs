using Rsspot.Services;

namespace Rsspot.Apply;

/// <summary>A spot pool of a <see cref="CloudspaceSpec"/>.</summary>
/// <param name="Key">
/// The stable key that matches this pool to the pool that exists (stored as the pool label
/// <see cref="ApplyService.PoolKeyLabel"/>): 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
/// </param>
/// <param name="ServerClass">Server class such as gp.vs1.medium-dfw; fixed once created.</param>
public sealed record SpotPoolSpec(string Key, string ServerClass)
{
    /// <summary>
    /// The bid in USD per node-hour. Null hands the bid to the bid guard: the pool is created at the guard's bid
    /// (its policy over the class's market, within the ceiling) and its bid is never compared or changed afterwards.
    /// </summary>
    public decimal? BidPrice { get; init; }

    /// <summary>Desired node count; null leaves it alone on an existing pool (1, or the autoscaling minimum, on create).</summary>
    public int? Desired { get; init; }

    /// <summary>Autoscaling bounds; null means autoscaling off.</summary>
    public AutoscalingRange? Autoscaling { get; init; }
}
