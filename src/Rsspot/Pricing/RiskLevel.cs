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

/// <summary>Text forms of <see cref="RiskLevel"/> as the CLI and the Python tool spell them.</summary>
public static class RiskLevels
{
    /// <summary>Reads <c>low</c>, <c>med</c>/<c>medium</c> or <c>high</c> (any case).</summary>
    public static bool TryParse(string? text, out RiskLevel risk)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "LOW":
                risk = RiskLevel.Low;
                return true;
            case "MED" or "MEDIUM":
                risk = RiskLevel.Medium;
                return true;
            case "HIGH":
                risk = RiskLevel.High;
                return true;
            default:
                risk = default;
                return false;
        }
    }

    /// <summary>The short name: <c>low</c>, <c>med</c> or <c>high</c>.</summary>
    public static string ToShortName(this RiskLevel risk) => risk switch
    {
        RiskLevel.Low => "low",
        RiskLevel.Medium => "med",
        RiskLevel.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Unknown risk level."),
    };
}
