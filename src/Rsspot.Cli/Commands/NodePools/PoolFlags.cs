using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary>The flags shared by create and update, with the spellings of the Python rsspot and spotctl, and their parsing.</summary>
internal sealed class PoolFlags
{
    public Option<string?> Desired { get; } = new("--desired") { Description = "Number of nodes", HelpName = "count" };

    public Option<string?> BidPrice { get; } = new("--bid-price", "--bidprice") { Description = "Bid in USD per node-hour, e.g. 0.08 (spot only; at most the class's on-demand price unless --max-bid)", HelpName = "usd" };

    public Option<string?> MaxBid { get; } = new("--max-bid") { Description = "Allow a bid up to this USD per node-hour (replaces the default ceiling, the class's on-demand price, and the profile's max_bid)", HelpName = "usd" };

    public Option<string[]> Labels { get; } = Cmd.Repeatable(["--label", "--custom-labels"], "Node labels key=value (repeatable or comma-separated)", "key=value");

    public Option<string[]> Annotations { get; } = Cmd.Repeatable(["--annotation", "--custom-annotations"], "Node annotations key=value (repeatable or comma-separated)", "key=value");

    public Option<string[]> Taints { get; } = Cmd.Repeatable(["--taint", "--custom-taints"], "Node taints key=value:Effect (NoSchedule, PreferNoSchedule, NoExecute; repeatable or comma-separated)", "key=value:Effect");

    public Option<bool> Autoscale { get; } = new("--autoscaling") { Description = "Turn autoscaling on (spot only; range from --autoscaling-min/--autoscaling-max, a missing bound is the desired count)" };

    public Option<bool> NoAutoscale { get; } = new("--no-autoscaling", "--no-autoscale") { Description = "Autoscaling off" };

    public Option<string?> AutoscaleMin { get; } = new("--autoscale-min", "--autoscaling-min") { Description = "Autoscaling minimum nodes (spot only)", HelpName = "count" };

    public Option<string?> AutoscaleMax { get; } = new("--autoscale-max", "--autoscaling-max") { Description = "Autoscaling maximum nodes (spot only)", HelpName = "count" };

    // On-demand pools show the autoscaling flags too, so a script that passes them gets the reason, not "unrecognized".
    public Symbol[] For(PoolKind kind) => kind.IsSpot
        ? [Desired, BidPrice, MaxBid, Labels, Annotations, Taints, Autoscale, NoAutoscale, AutoscaleMin, AutoscaleMax]
        : [Desired, Labels, Annotations, Taints, Autoscale, NoAutoscale, AutoscaleMin, AutoscaleMax];

    /// <summary>The settings given; <paramref name="defaultDesired"/> stands for a missing --desired (and bounds the autoscaling range).</summary>
    public PoolSettings Parse(ParseResult p, PoolKind kind, int? defaultDesired = null)
    {
        var labels = KeyValues.Parse(p.GetValue(Labels), p.TypedName(Labels));
        var annotations = KeyValues.Parse(p.GetValue(Annotations), p.TypedName(Annotations));
        IReadOnlyList<NodeTaint>? taints = p.GetValue(Taints) is { Length: > 0 } given ? [.. given.SelectMany(KeyValues.SplitPairs).Select(NodeTaint.Parse)] : null;
        var desired = Count(p, Desired) ?? defaultDesired;
        return new PoolSettings
        {
            Desired = desired,
            Bid = kind.IsSpot ? GuardFlags.Usd(p.TypedName(BidPrice), p.GetValue(BidPrice)) : null,
            Ceiling = kind.IsSpot ? GuardFlags.Usd(p.TypedName(MaxBid), p.GetValue(MaxBid)) : null,
            Autoscaling = Autoscaling(p, kind.IsSpot, desired),
            DisableAutoscaling = kind.IsSpot && p.GetValue(NoAutoscale),
            Labels = labels,
            Annotations = annotations,
            Taints = taints,
        };
    }

    /// <summary>The autoscaling range asked for; null when none; a usage error when the flags disagree.</summary>
    private AutoscalingRange? Autoscaling(ParseResult p, bool spot, int? desired)
    {
        var (off, min, max) = (p.GetValue(NoAutoscale), Count(p, AutoscaleMin), Count(p, AutoscaleMax));
        var given = new Option[] { Autoscale, AutoscaleMin, AutoscaleMax }.Where(o => p.GetResult(o) is { Implicit: false }).Select(p.TypedName).ToList();
        if (given.Count == 0)
        {
            return null;
        }

        if (!spot)
        {
            throw new CliUsageException($"{string.Join('/', given)}: on-demand node pools have no autoscaling in the Spot API; set the node count with --desired, or use a spot pool.");
        }

        if (off)
        {
            throw new CliUsageException($"{p.TypedName(NoAutoscale)} and {string.Join('/', given)}: autoscaling cannot be both off and on; give one of them.");
        }

        if (min is null && max is null)
        {
            throw new CliUsageException($"{p.TypedName(Autoscale)}: give the range too, e.g. --autoscaling-min 1 --autoscaling-max 5.");
        }

        var low = min ?? Math.Min(desired ?? max!.Value, max!.Value);
        var high = max ?? Math.Max(desired ?? low, low);
        if (low < 0 || low > high)
        {
            throw new CliUsageException($"{string.Join('/', given.Where(g => g != p.TypedName(Autoscale)))}: the autoscaling range {low}..{high} is invalid; need 0 <= min <= max.");
        }

        return new AutoscalingRange(low, high);
    }

    /// <summary>A node count flag read with the one number rule (0 to the SDK's bound), or null when absent.</summary>
    private static int? Count(ParseResult p, Option<string?> option) =>
        GuardFlags.Count(p.TypedName(option), p.GetValue(option), 0, NodeLimits.MaxNodesPerPool);
}
