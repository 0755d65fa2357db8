namespace Rsspot.Pricing;

/// <summary>Turns the furthest miss of a screening that left no candidate into a <see cref="BuildFailure"/>.</summary>
internal static class ScreenFailures
{
    public static BuildFailure Describe(Miss furthest, ClusterBuildRequest request)
    {
        CandidateExclusion example = furthest.Exclusion;
        string headline = example.Constraint switch
        {
            BuildConstraint.Region => $"No server class is in region {RowMatch.Describe(request.Regions!)}.",
            BuildConstraint.Family => $"No server class of family {RowMatch.Describe(request.Families!)}{InRegions(request)}.",
            BuildConstraint.Generation => $"No server class of generation {RowMatch.Describe(request.Generations!)}{OfFamilies(request)}{InRegions(request)}.",
            BuildConstraint.Availability => "No matching server class is available.",
            BuildConstraint.MarketPrice => "No matching server class has a known market price.",
            BuildConstraint.Capacity => "No matching server class has a known vCPU count and memory size.",
            BuildConstraint.RequestedCapacity => "No matching server class reaches the requested capacity.",
            BuildConstraint.MaxHourly => $"No candidate fits max hourly {BuildText.Usd(request.MaxHourly!.Value)}.",
            BuildConstraint.MinHourly => $"No candidate reaches min hourly {BuildText.Usd(request.MinHourly!.Value)}.",
            BuildConstraint.MaxMonthly => $"No candidate fits max monthly {BuildText.Usd(request.MaxMonthly!.Value)}.",
            BuildConstraint.MinMonthly => $"No candidate reaches min monthly {BuildText.Usd(request.MinMonthly!.Value)}.",
            _ => "No candidate remains.",
        };

        string detail = furthest.Distance > 0m ? " Closest: " : " For example: ";
        return new BuildFailure(example.Constraint, headline + detail + example.Reason);
    }

    private static string InRegions(ClusterBuildRequest request) =>
        RowMatch.IsEmpty(request.Regions) ? string.Empty : $" in region {RowMatch.Describe(request.Regions!)}";

    private static string OfFamilies(ClusterBuildRequest request) =>
        RowMatch.IsEmpty(request.Families) ? string.Empty : $" and family {RowMatch.Describe(request.Families!)}";
}
