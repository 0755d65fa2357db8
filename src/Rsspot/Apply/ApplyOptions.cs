namespace Rsspot.Apply;

/// <summary>How <see cref="ApplyService.PlanAsync(IReadOnlyList{CloudspaceSpec}, ApplyOptions?, CancellationToken)"/> plans.</summary>
public sealed record ApplyOptions
{
    /// <summary>Delete the keyed pools of a cloudspace that the spec no longer lists (pools without a key are never touched).</summary>
    public bool Prune { get; init; }

    /// <summary>Allow a change of a fixed field (region, server class, deployment type, CNI, cloud) by deleting and creating again.</summary>
    public bool Replace { get; init; }

    /// <summary>
    /// Allows bids up to this USD per node-hour, replacing the default ceiling (the class's on-demand price) and the
    /// profile's <c>max_bid</c>; null keeps them. A bid above the ceiling is refused before any write.
    /// </summary>
    public decimal? MaxBid { get; init; }
}
