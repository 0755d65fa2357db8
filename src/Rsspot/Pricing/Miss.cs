namespace Rsspot.Pricing;

/// <summary>An exclusion and how far the row was from passing its check (0 for filters).</summary>
internal sealed record Miss(CandidateExclusion Exclusion, decimal Distance)
{
    public static Miss Filter(PriceRow row, BuildConstraint constraint, string reason) =>
        new(new CandidateExclusion(row.ClassName, row.Region, constraint, reason), 0m);

    public static Miss Of(PriceRow row, BuildConstraint constraint, string reason, decimal distance) =>
        new(new CandidateExclusion(row.ClassName, row.Region, constraint, reason), distance);
}
