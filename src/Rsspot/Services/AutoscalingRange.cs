using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Autoscaling bounds of a node pool (min ≤ max).</summary>
/// <param name="MinNodes">Fewest nodes.</param>
/// <param name="MaxNodes">Most nodes.</param>
public sealed record AutoscalingRange(int MinNodes, int MaxNodes)
{
    internal Autoscaling ToModel(string field)
    {
        if (MinNodes < SpecConstraints.AutoscalingMinNodesMinimum || MaxNodes < MinNodes || MaxNodes > NodeLimits.MaxNodesPerPool)
        {
            throw new ArgumentException($"Autoscaling {MinNodes}..{MaxNodes} is invalid: need {SpecConstraints.AutoscalingMinNodesMinimum} ≤ min ≤ max ≤ {NodeLimits.MaxNodesPerPool}.", field);
        }

        return new Autoscaling { Enabled = true, MinNodes = MinNodes, MaxNodes = MaxNodes };
    }

    /// <summary>The range of <paramref name="autoscaling"/>, or null when autoscaling is absent or off.</summary>
    /// <param name="autoscaling">The generated autoscaling settings.</param>
    public static AutoscalingRange? From(Autoscaling? autoscaling) =>
        autoscaling?.Enabled == true ? new AutoscalingRange(autoscaling.MinNodes ?? 0, autoscaling.MaxNodes ?? autoscaling.MinNodes ?? 0) : null;

    /// <summary>The range as <c>min-max</c>.</summary>
    public override string ToString() => $"{MinNodes}-{MaxNodes}";
}
