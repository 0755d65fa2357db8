using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary>The flags shared by <c>create</c> and <c>update</c>.</summary>
internal sealed class AutopilotFlags
{
    /// <summary>The most vCPUs a flag takes: far above any pool, so a typo is caught.</summary>
    public const int MaxVcpus = 100_000;

    public Option<string?> VcpuTotal { get; } = new("--vcpu-total") { Description = "vCPUs Spot fills the pool to (at least 1)", HelpName = "count" };

    public Option<string?> VcpuPerNodeMin { get; } = new("--vcpu-per-node-min") { Description = "Fewest vCPUs per node (at least 1)", HelpName = "count" };

    public Option<string?> VcpuPerNodeMax { get; } = new("--vcpu-per-node-max") { Description = "Most vCPUs per node (at least --vcpu-per-node-min)", HelpName = "count" };

    public Option<string?> MemoryPerVcpu { get; } = new("--memory-per-vcpu") { Description = "GB of memory per vCPU: any, 2, 4 or 8", HelpName = "gb" };

    public Option<string?> BudgetPerHour { get; } = new("--budget-per-hour", "--budget") { Description = "USD per hour for the whole pool, e.g. 0.10 (steps of 0.001; at most what its vCPUs cost on demand unless --max-budget)", HelpName = "usd" };

    public Option<string?> MaxBudget { get; } = new("--max-budget") { Description = "Allow a budget up to this USD per hour (replaces the default ceiling, the vCPUs' on-demand cost)", HelpName = "usd" };

    public Option<string?> AllocationStrategy { get; } = new("--allocation-strategy") { Description = "How Spot picks classes: LowestPrice (the only strategy)", HelpName = "strategy" };

    public Option<string[]> Labels { get; } = Cmd.Repeatable(["--label", "--custom-labels"], "Node labels key=value (repeatable or comma-separated)", "key=value");

    public Option<string[]> Annotations { get; } = Cmd.Repeatable(["--annotation", "--custom-annotations"], "Node annotations key=value (repeatable or comma-separated)", "key=value");

    public Option<string[]> Taints { get; } = Cmd.Repeatable(["--taint", "--custom-taints"], "Node taints key=value:Effect (NoSchedule, PreferNoSchedule, NoExecute; repeatable or comma-separated)", "key=value:Effect");

    public Symbol[] All => [VcpuTotal, VcpuPerNodeMin, VcpuPerNodeMax, MemoryPerVcpu, BudgetPerHour, MaxBudget, AllocationStrategy, Labels, Annotations, Taints];

    public int? Total(ParseResult p) => GuardFlags.Count(p.TypedName(VcpuTotal), p.GetValue(VcpuTotal), 1, MaxVcpus);

    public VcpuPerNodeRange? Range(ParseResult p)
    {
        var min = GuardFlags.Count(p.TypedName(VcpuPerNodeMin), p.GetValue(VcpuPerNodeMin), 1, MaxVcpus);
        var max = GuardFlags.Count(p.TypedName(VcpuPerNodeMax), p.GetValue(VcpuPerNodeMax), 1, MaxVcpus);
        if (min is null && max is null)
        {
            return null;
        }

        if (min > max)
        {
            throw new CliUsageException($"{p.TypedName(VcpuPerNodeMin)}/{p.TypedName(VcpuPerNodeMax)}: the minimum {min} is above the maximum {max}.");
        }

        return new VcpuPerNodeRange(min, max);
    }

    public MemoryPerVcpu? Memory(ParseResult p)
    {
        if (p.GetValue(MemoryPerVcpu) is not { } text)
        {
            return null;
        }

        try
        {
            return MemoryPerVcpuText.Parse(text);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException($"{p.TypedName(MemoryPerVcpu)}: '{text}' is not a memory per vCPU; use any, 2, 4 or 8 (GB per vCPU).");
        }
    }

    public decimal? Budget(ParseResult p) => Step(p, BudgetPerHour);

    public decimal? Ceiling(ParseResult p) => Step(p, MaxBudget);

    public AutopilotAllocationStrategy? Strategy(ParseResult p) => p.GetValue(AllocationStrategy) switch
    {
        null => null,
        var s when string.Equals(s, "LowestPrice", StringComparison.OrdinalIgnoreCase) => AutopilotAllocationStrategy.LowestPrice,
        var s => throw new CliUsageException($"{p.TypedName(AllocationStrategy)}: '{s}' is not an allocation strategy; the Spot API accepts only LowestPrice."),
    };

    public IReadOnlyList<NodeTaint>? ParseTaints(ParseResult p) =>
        p.GetValue(Taints) is { Length: > 0 } taints ? [.. taints.SelectMany(KeyValues.SplitPairs).Select(NodeTaint.Parse)] : null;

    public Dictionary<string, string>? ParseLabels(ParseResult p) => KeyValues.Parse(p.GetValue(Labels), p.TypedName(Labels));

    public Dictionary<string, string>? ParseAnnotations(ParseResult p) => KeyValues.Parse(p.GetValue(Annotations), p.TypedName(Annotations));

    /// <summary>The SDK's refusal of a budget above its ceiling, with the flag that raises it.</summary>
    public static CliUsageException Refusal(BudgetCeilingException refusal) =>
        new($"{FlagNames.PlainMessage(refusal)} On the command line: --max-budget.");

    private static decimal? Step(ParseResult p, Option<string?> option)
    {
        var value = GuardFlags.Usd(p.TypedName(option), p.GetValue(option));
        if (value is decimal usd && usd % BidPrice.Step != 0)
        {
            throw new CliUsageException($"{p.TypedName(option)}: '{p.GetValue(option)}' has more than three decimals; budgets are in steps of 0.001 USD.");
        }

        return value;
    }
}
