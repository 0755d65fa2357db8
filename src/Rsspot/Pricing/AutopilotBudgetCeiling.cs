using Rsspot.Services;

namespace Rsspot.Pricing;

/// <summary>
/// The highest hourly budget any writer of this SDK sends for an autopilot pool. By default it is what the pool's
/// vCPUs would cost at the lowest per-vCPU <see cref="BidCeiling"/> among the classes the pool may use (each class's
/// ceiling is its on-demand price, or <see cref="BidCeiling.MarketMultiple"/> × its market price), so the budget
/// never lets Spot pay more per vCPU than a bid on the cheapest of them may. The user replaces it explicitly
/// (a request's <c>MaxBudgetPerHour</c>). A budget above it is refused before any request with
/// <see cref="BudgetCeilingException"/>.
/// </summary>
/// <param name="VcpuTotal">The pool's vCPU target.</param>
/// <param name="Ceiling">USD per hour for the whole pool; null when <see cref="Source"/> is <see cref="BidCeilingSource.Unknown"/>.</param>
/// <param name="Source">Where the ceiling comes from.</param>
/// <param name="BasisClass">The class whose per-vCPU ceiling is the lowest, when the ceiling is not explicit.</param>
public sealed record AutopilotBudgetCeiling(int VcpuTotal, decimal? Ceiling, BidCeilingSource Source, string? BasisClass)
{
    /// <summary>The ceiling for <paramref name="vcpuTotal"/> vCPUs over the classes the pool may use.</summary>
    /// <param name="vcpuTotal">The pool's vCPU target.</param>
    /// <param name="classes">The qualifying classes: each with its vCPUs and its bid ceiling.</param>
    /// <param name="explicitMaxBudget">A ceiling the user set; it replaces the default.</param>
    public static AutopilotBudgetCeiling For(int vcpuTotal, IEnumerable<(decimal Cpu, BidCeiling Ceiling)> classes, decimal? explicitMaxBudget = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (explicitMaxBudget is decimal max)
        {
            return new AutopilotBudgetCeiling(vcpuTotal, max, BidCeilingSource.Explicit, null);
        }

        var cheapest = classes
            .Where(c => c.Cpu > 0 && c.Ceiling.Ceiling is > 0m)
            .Select(c => (c.Ceiling, PerVcpu: c.Ceiling.Ceiling!.Value / c.Cpu))
            .OrderBy(c => c.PerVcpu)
            .ThenBy(c => c.Ceiling.ServerClass, StringComparer.Ordinal)
            .FirstOrDefault();
        return cheapest.Ceiling is null
            ? new AutopilotBudgetCeiling(vcpuTotal, null, BidCeilingSource.Unknown, null)
            : new AutopilotBudgetCeiling(vcpuTotal, BidPrice.RoundDown(cheapest.PerVcpu * vcpuTotal), cheapest.Ceiling.Source, cheapest.Ceiling.ServerClass);
    }

    /// <summary>True when <paramref name="budget"/> is at most the ceiling.</summary>
    /// <param name="budget">USD per hour.</param>
    public bool Allows(decimal budget) => Ceiling is decimal ceiling && budget <= ceiling;

    /// <summary>The ceiling in words.</summary>
    public string Describe() => Source switch
    {
        BidCeilingSource.Explicit => $"{PriceText.FormatUsd(Ceiling!.Value)}/h (the max budget you set)",
        BidCeilingSource.OnDemand => $"{PriceText.FormatUsd(Ceiling!.Value)}/h ({VcpuTotal} vCPUs at the on-demand price of {BasisClass}, the cheapest class the pool may use)",
        BidCeilingSource.MarketMultiple => $"{PriceText.FormatUsd(Ceiling!.Value)}/h ({VcpuTotal} vCPUs at {BidCeiling.MarketMultiple:0}x the market price of {BasisClass}; no on-demand price is known)",
        _ => "unknown (no server class in the region fits the pool's vCPU and memory bounds)",
    };

    /// <summary>Throws <see cref="BudgetCeilingException"/> when <paramref name="budget"/> is above the ceiling (or none is known).</summary>
    /// <param name="budget">USD per hour.</param>
    public void Ensure(decimal budget)
    {
        if (!Allows(budget))
        {
            throw new BudgetCeilingException(this, budget);
        }
    }
}
