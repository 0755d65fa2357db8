using Rsspot.Pricing;

namespace Rsspot;

/// <summary>
/// An autopilot pool's budget above its <see cref="AutopilotBudgetCeiling"/> was refused before any request: nothing
/// was sent. Raise the ceiling explicitly (a request's <c>MaxBudgetPerHour</c>) if the budget is meant.
/// </summary>
public sealed class BudgetCeilingException : ArgumentException
{
    /// <summary>A refusal of <paramref name="budget"/> under <paramref name="ceiling"/>.</summary>
    /// <param name="ceiling">The ceiling that refused it.</param>
    /// <param name="budget">The budget, USD per hour.</param>
    public BudgetCeilingException(AutopilotBudgetCeiling ceiling, decimal budget)
        : base(Text(ceiling, budget), "budgetPerHour")
    {
        Ceiling = ceiling;
        Budget = budget;
    }

    /// <summary>For serializers and tests; prefer the other constructor.</summary>
    public BudgetCeilingException()
        : this(new AutopilotBudgetCeiling(0, null, BidCeilingSource.Unknown, null), 0m)
    {
    }

    /// <summary>For serializers and tests; prefer the other constructor.</summary>
    /// <param name="message">The message.</param>
    public BudgetCeilingException(string message)
        : base(message, "budgetPerHour")
    {
        Ceiling = new AutopilotBudgetCeiling(0, null, BidCeilingSource.Unknown, null);
    }

    /// <summary>For serializers and tests; prefer the other constructor.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BudgetCeilingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Ceiling = new AutopilotBudgetCeiling(0, null, BidCeilingSource.Unknown, null);
    }

    /// <summary>The ceiling that refused the budget.</summary>
    public AutopilotBudgetCeiling Ceiling { get; }

    /// <summary>The refused budget, USD per hour.</summary>
    public decimal Budget { get; }

    private static string Text(AutopilotBudgetCeiling ceiling, decimal budget)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        return $"Budget {PriceText.FormatUsd(budget)}/h for an autopilot pool of {ceiling.VcpuTotal} vCPUs is above its ceiling {ceiling.Describe()}; nothing was sent. "
            + "If the budget is meant, raise the ceiling explicitly: the request's MaxBudgetPerHour.";
    }
}
