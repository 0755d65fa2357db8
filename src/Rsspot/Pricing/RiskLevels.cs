namespace Rsspot.Pricing;

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
