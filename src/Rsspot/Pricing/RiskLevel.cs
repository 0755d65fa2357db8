namespace Rsspot.Pricing;

/// <summary>How much preemption risk a cluster accepts: lower risk bids higher and spreads wider.</summary>
public enum RiskLevel
{
    /// <summary>Bid near the 80th percentile (or market × 1.35); balanced spreads over 3 pools.</summary>
    Low,

    /// <summary>Bid near the 50th percentile (or market × 1.20); balanced spreads over 2 pools.</summary>
    Medium,

    /// <summary>Bid near the 20th percentile (or market × 1.05); balanced uses 1 pool.</summary>
    High,
}
