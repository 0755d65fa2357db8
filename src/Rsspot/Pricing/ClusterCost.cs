namespace Rsspot.Pricing;

/// <summary>Cost conventions shared by listings and the builder.</summary>
public static class ClusterCost
{
    /// <summary>Hours in a billing month, as the Python tool and the Spot console count them.</summary>
    public const decimal HoursPerMonth = 730m;
}
