namespace Rsspot.Pricing;

/// <summary>
/// Runs every row through the checks of <see cref="BuildConstraint"/> in order; a row is excluded at the first check it
/// fails. When nothing passes, the failed constraint is the furthest check any row reached: up to there some row survived.
/// </summary>
internal static class CandidateScreen
{
    public static Screening Run(IReadOnlyList<PriceRow> rows, ClusterBuildRequest request)
    {
        List<Candidate> candidates = [];
        List<CandidateExclusion> exclusions = [];
        Miss? furthest = null;
        FilterTexts filters = new(
            RowMatch.IsEmpty(request.Regions) ? string.Empty : RowMatch.Describe(request.Regions!),
            RowMatch.IsEmpty(request.Families) ? string.Empty : RowMatch.Describe(request.Families!),
            RowMatch.IsEmpty(request.Generations) ? string.Empty : RowMatch.Describe(request.Generations!));
        foreach (PriceRow row in rows)
        {
            Miss? miss = Check(row, request, filters, out Candidate? candidate);
            if (miss is null)
            {
                candidates.Add(candidate!);
                continue;
            }

            exclusions.Add(miss.Exclusion);
            if (furthest is null
                || miss.Exclusion.Constraint > furthest.Exclusion.Constraint
                || (miss.Exclusion.Constraint == furthest.Exclusion.Constraint && miss.Distance < furthest.Distance))
            {
                furthest = miss;
            }
        }

        BuildFailure? failure = null;
        if (rows.Count == 0)
        {
            failure = new BuildFailure(BuildConstraint.Catalog, "The price catalog is empty: there is no server class to choose from.");
        }
        else if (candidates.Count == 0)
        {
            failure = ScreenFailures.Describe(furthest!, request);
        }

        return new Screening(candidates, exclusions, failure);
    }

    private static Miss? Check(PriceRow row, ClusterBuildRequest request, FilterTexts filters, out Candidate? candidate)
    {
        candidate = null;
        string name = row.ClassName;
        if (!RowMatch.Region(row, request.Regions))
        {
            return Miss.Filter(row, BuildConstraint.Region, $"{name}: region {Show(row.Region)} is not one of {filters.Regions}");
        }

        if (!RowMatch.Family(row, request.Families))
        {
            return Miss.Filter(row, BuildConstraint.Family, $"{name}: family {Show(row.Family)} is not one of {filters.Families}");
        }

        if (!RowMatch.Generation(row, request.Generations))
        {
            return Miss.Filter(row, BuildConstraint.Generation, $"{name}: generation {Show(row.Generation)} is not one of {filters.Generations}");
        }

        if (!row.IsAvailable)
        {
            return Miss.Filter(row, BuildConstraint.Availability, $"{name}: availability is '{row.Availability}'");
        }

        BidQuote? bid = Pricing.BidPolicy.Compute(row, request.Risk, request.BidPolicy);
        if (bid is not BidQuote quote)
        {
            string why = row.MarketPerHour is null
                ? $"market price is unknown ({BuildText.Quoted(row.MarketRaw)})"
                : $"market price {BuildText.Usd(row.MarketPerHour.Value)} is not positive";
            return Miss.Filter(row, BuildConstraint.MarketPrice, $"{name}: {why}");
        }

        if (row.Cpu is not decimal cpu || cpu <= 0m || row.MemoryGb is not decimal memory || memory <= 0m)
        {
            return Miss.Filter(
                row,
                BuildConstraint.Capacity,
                $"{name}: vCPU or memory is unknown (cpu {BuildText.Quoted(row.CpuRaw)}, memory {BuildText.Quoted(row.MemoryRaw)})");
        }

        Miss? sizing = NodePlan.Size(row, cpu, memory, request, out int nodes);
        if (sizing is not null)
        {
            return sizing;
        }

        Candidate sized = new(row, quote, cpu, memory, nodes);
        Miss? overBudget = BudgetCheck.Check(sized, request);
        if (overBudget is null)
        {
            candidate = sized;
        }

        return overBudget;
    }

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(unknown)" : value;

    /// <summary>The filter lists as text, formatted once per build rather than once per excluded row.</summary>
    private sealed record FilterTexts(string Regions, string Families, string Generations);
}
