namespace Rsspot.Pricing;

/// <summary>The hourly and monthly budget bounds, applied to bid cost (bid × nodes).</summary>
internal static class BudgetCheck
{
    public static Miss? Check(Candidate candidate, ClusterBuildRequest request)
    {
        PriceRow row = candidate.Row;
        decimal hourly = candidate.HourlyCost;
        decimal monthly = candidate.MonthlyCost;
        if (request.MaxHourly is decimal maxHourly && hourly > maxHourly)
        {
            return Miss.Of(row, BuildConstraint.MaxHourly, $"{row.ClassName}: {Cost(candidate)} = {BuildText.Usd(hourly)}/h exceeds max hourly {BuildText.Usd(maxHourly)}", hourly - maxHourly);
        }

        if (request.MinHourly is decimal minHourly && hourly < minHourly)
        {
            return Miss.Of(row, BuildConstraint.MinHourly, $"{row.ClassName}: {Cost(candidate)} = {BuildText.Usd(hourly)}/h is below min hourly {BuildText.Usd(minHourly)}", minHourly - hourly);
        }

        if (request.MaxMonthly is decimal maxMonthly && monthly > maxMonthly)
        {
            return Miss.Of(row, BuildConstraint.MaxMonthly, $"{row.ClassName}: {Cost(candidate)} × 730 h = {BuildText.Usd(monthly)}/month exceeds max monthly {BuildText.Usd(maxMonthly)}", monthly - maxMonthly);
        }

        if (request.MinMonthly is decimal minMonthly && monthly < minMonthly)
        {
            return Miss.Of(row, BuildConstraint.MinMonthly, $"{row.ClassName}: {Cost(candidate)} × 730 h = {BuildText.Usd(monthly)}/month is below min monthly {BuildText.Usd(minMonthly)}", minMonthly - monthly);
        }

        return null;
    }

    private static string Cost(Candidate candidate) =>
        $"{BuildText.Nodes(candidate.Nodes)} × market {BuildText.Usd(candidate.Row.MarketPerHour ?? candidate.Bid.PerNodeHour)}";

    /// <summary>The first bound a scenario total breaks, as a readable phrase, or null when it fits.</summary>
    public static string? Violation(decimal hourly, ClusterBuildRequest request)
    {
        decimal monthly = hourly * ClusterCost.HoursPerMonth;
        return hourly > request.MaxHourly ? $"{BuildText.Usd(hourly)}/h exceeds max hourly {BuildText.Usd(request.MaxHourly.Value)}"
            : hourly < request.MinHourly ? $"{BuildText.Usd(hourly)}/h is below min hourly {BuildText.Usd(request.MinHourly.Value)}"
            : monthly > request.MaxMonthly ? $"{BuildText.Usd(monthly)}/month exceeds max monthly {BuildText.Usd(request.MaxMonthly.Value)}"
            : monthly < request.MinMonthly ? $"{BuildText.Usd(monthly)}/month is below min monthly {BuildText.Usd(request.MinMonthly.Value)}"
            : null;
    }
}
