using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services;

namespace Rsspot.Cli.Commands;

/// <summary><c>nodepools spot|ondemand list|get|create|update|delete</c>.</summary>
internal static class NodePoolsCommands
{
    public static Command Create(CliSession s) => Cmd.Group(
        "nodepools",
        "Node pools of cloudspaces: spot (auction-priced) and on-demand",
        Kind(s, spot: true),
        Kind(s, spot: false));

    private static Command Kind(CliSession s, bool spot)
    {
        var noun = spot ? "spot node pool" : "on-demand node pool";
        return Cmd.Group(
            spot ? "spot" : "ondemand",
            spot ? "Spot node pools (you bid per node-hour)" : "On-demand node pools (fixed price)",
            List(s, spot, noun),
            Get(s, spot, noun),
            CreatePool(s, spot, noun),
            Update(s, spot, noun),
            Delete(s, spot, noun));
    }

    private static Option<string?> CloudspaceOption(bool required = false) =>
        new("--cloudspace") { Description = "Cloudspace the pool belongs to", Required = required, HelpName = "name" };

    private static NameInput PoolName() => new("name", "pool name (a lower-case UUID)");

    private static Command List(CliSession s, bool spot, string noun)
    {
        var cloudspace = CloudspaceOption();
        return Cmd.New("list", $"List {noun}s (all, or one cloudspace's)", cloudspace).Runs(s, async (p, ct) =>
        {
            if (s.Output.PrintsPythonShape(hasSpotctlShape: true))
            {
                var cs = p.GetValue(cloudspace);
                if (cs is not null)
                {
                    SpotNames.EnsureCloudspaceName(cs);
                }

                var answer = await ApiAnswers.ListAsync(s, spot ? "spotnodepools" : "ondemandnodepools", cs is null ? null : "ngpc.rxt.io/cloudspace=" + cs, ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(spot ? PythonModels.SpotNodePool : PythonModels.OnDemandNodePool), answer)), () => new TableView());
                return;
            }

            var org = s.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(s) : string.Empty;
            if (spot)
            {
                var pools = await s.Client.SpotNodePools.ListAsync(p.GetValue(cloudspace), ct).ConfigureAwait(false);
                var prices = await SpotMarketColumns.ReadAsync(s, ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => JsonModels.ToArray(pools), Spotctl: () => new JsonArray([.. pools.Select(x => (JsonNode)SpotctlShapes.NodePool(JsonModels.ToNode(x), org, spot: true))])), () => SpotTable(pools.Select(SpotNodePoolSummary.From), prices));
            }
            else
            {
                var pools = await s.Client.OnDemandNodePools.ListAsync(p.GetValue(cloudspace), ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => JsonModels.ToArray(pools), Spotctl: () => new JsonArray([.. pools.Select(x => (JsonNode)SpotctlShapes.NodePool(JsonModels.ToNode(x), org, spot: false))])), () => OnDemandTable(pools.Select(OnDemandNodePoolSummary.From)));
            }
        });
    }

    private static TableView SpotTable(IEnumerable<SpotNodePoolSummary> pools, SpotMarketColumns prices)
    {
        var table = new TableView("NAME", "CLOUDSPACE", "SERVER CLASS", "DESIRED", "BID", "MARKET", "MINIMUM", "AUTOSCALE", "STATUS");
        foreach (var pool in pools.OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal))
        {
            table.Add(pool.Name, pool.Cloudspace, pool.ServerClass, Count(pool.Desired), Prices.Table(pool.BidPrice), prices.Market(pool.ServerClass), prices.Minimum(pool.ServerClass), pool.Autoscaling?.ToString() ?? "off", pool.BidStatus);
        }

        return table;
    }

    private static TableView OnDemandTable(IEnumerable<OnDemandNodePoolSummary> pools)
    {
        var table = new TableView("NAME", "CLOUDSPACE", "SERVER CLASS", "DESIRED", "STATUS");
        foreach (var pool in pools.OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal))
        {
            table.Add(pool.Name, pool.Cloudspace, pool.ServerClass, Count(pool.Desired), pool.ReservedStatus);
        }

        return table;
    }

    private static string Count(int? count) => count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Autoscale(JsonNode? pool) =>
        JsonModels.Text(pool, "spec.autoscaling.enabled") == "true"
            ? $"{JsonModels.Text(pool, "spec.autoscaling.minNodes")}-{JsonModels.Text(pool, "spec.autoscaling.maxNodes")}"
            : "off";

    private static TableView Pairs(JsonNode pool, bool spot, SpotMarketColumns? prices = null) => TableView.Pairs(
    [
        ("name", JsonModels.Text(pool, "metadata.name")),
        ("cloudspace", JsonModels.Text(pool, "spec.cloudSpace")),
        ("server_class", JsonModels.Text(pool, "spec.serverClass")),
        ("desired", JsonModels.Text(pool, "spec.desired")),
        .. spot ? SpotPairs(pool, prices) : [("reserved_status", JsonModels.Text(pool, "status.reservedStatus"))],
        ("labels", JsonModels.Text(pool, "spec.customLabels")),
        ("annotations", JsonModels.Text(pool, "spec.customAnnotations")),
        ("taints", JsonModels.Text(pool, "spec.customTaints")),
    ]);

    private static (string, string?)[] SpotPairs(JsonNode pool, SpotMarketColumns? prices) =>
    [
        ("bid_price", Prices.Table(JsonModels.Text(pool, "spec.bidPrice"))),
        .. prices is null ? [] : new (string, string?)[] { ("market_price", prices.Market(JsonModels.Text(pool, "spec.serverClass"))), ("minimum_bid", prices.Minimum(JsonModels.Text(pool, "spec.serverClass"))) },
        ("autoscaling", Autoscale(pool)),
        ("bid_status", JsonModels.Text(pool, "status.bidStatus")),
    ];

    private static Command Get(CliSession s, bool spot, string noun)
    {
        var name = PoolName();
        var cloudspace = CloudspaceOption();
        return Cmd.New("get", $"Show one {noun} (by its name or a unique start of it)", [.. name.Symbols, cloudspace]).Runs(s, async (p, ct) =>
        {
            var poolName = await PoolNames.ResolveAsync(s, spot, name.Get(p), p.GetValue(cloudspace), ct).ConfigureAwait(false);
            var json = spot
                ? JsonModels.ToNode(await s.Client.SpotNodePools.GetAsync(poolName, ct).ConfigureAwait(false))
                : JsonModels.ToNode(await s.Client.OnDemandNodePools.GetAsync(poolName, ct).ConfigureAwait(false));
            var prices = spot ? await SpotMarketColumns.ReadAsync(s, ct).ConfigureAwait(false) : null;
            var org = s.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(s) : string.Empty;
            s.Output.Write(new JsonShapes(() => json, () => PythonShapes.Apply(spot ? PythonModels.SpotNodePool : PythonModels.OnDemandNodePool, json), () => SpotctlShapes.NodePool(json, org, spot)), () => Pairs(json, spot, prices));
        });
    }

    /// <summary>The flags shared by create and update, with the spellings of the Python rsspot and spotctl.</summary>
    private sealed class PoolFlags
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
        public Symbol[] For(bool spot) => spot
            ? [Desired, BidPrice, MaxBid, Labels, Annotations, Taints, Autoscale, NoAutoscale, AutoscaleMin, AutoscaleMax]
            : [Desired, Labels, Annotations, Taints, Autoscale, NoAutoscale, AutoscaleMin, AutoscaleMax];

        /// <summary>The autoscaling range asked for; null when none; a usage error when the flags disagree.</summary>
        public AutoscalingRange? Autoscaling(ParseResult p, bool spot, int? desired)
        {
            var (on, off, min, max) = (p.GetValue(Autoscale), p.GetValue(NoAutoscale), Count(p, AutoscaleMin), Count(p, AutoscaleMax));
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
        public static int? Count(ParseResult p, Option<string?> option) =>
            GuardFlags.Count(p.TypedName(option), p.GetValue(option), 0, NodeLimits.MaxNodesPerPool);

        public decimal? Bid(ParseResult p) => GuardFlags.Usd(p.TypedName(BidPrice), p.GetValue(BidPrice));

        public decimal? Ceiling(ParseResult p) => GuardFlags.Usd(p.TypedName(MaxBid), p.GetValue(MaxBid));

        public IReadOnlyList<NodeTaint>? ParseTaints(ParseResult p) =>
            p.GetValue(Taints) is { Length: > 0 } taints ? [.. taints.SelectMany(KeyValues.SplitPairs).Select(NodeTaint.Parse)] : null;

        public Dictionary<string, string>? ParseLabels(ParseResult p) => KeyValues.Parse(p.GetValue(Labels), p.TypedName(Labels));

        public Dictionary<string, string>? ParseAnnotations(ParseResult p) => KeyValues.Parse(p.GetValue(Annotations), p.TypedName(Annotations));
    }

    private static Command CreatePool(CliSession s, bool spot, string noun)
    {
        var cloudspace = CloudspaceOption(required: true);
        var serverClass = new Option<string>("--serverclass", "--server-class") { Description = "Server class, e.g. gp.vs1.medium-dfw", Required = true };
        var name = new Option<string?>("--name") { Description = "Pool name (a lower-case UUID; default: a new one)" };
        var flags = new PoolFlags();
        var command = Cmd.New("create", $"Create a {noun}" + (spot ? "\n\nExamples:\n  rsspot nodepools spot create --cloudspace demo --serverclass gp.vs1.medium-dfw --bid-price 0.08 --desired 2 --label team=web --taint dedicated=web:NoSchedule\n  rsspot np spot create --cloudspace demo --serverclass gp.vs1.medium-dfw --bidprice 0.08 --custom-labels team=web,tier=a --autoscaling --autoscaling-min 1 --autoscaling-max 4" : string.Empty), [cloudspace, serverClass, name, .. flags.For(spot)]);
        return command.Runs(s, async (p, ct) =>
        {
            var labels = flags.ParseLabels(p);
            var annotations = flags.ParseAnnotations(p);
            var taints = flags.ParseTaints(p);
            var desired = PoolFlags.Count(p, flags.Desired) ?? 1;
            var autoscaling = flags.Autoscaling(p, spot, desired);
            JsonNode json;
            if (spot)
            {
                var bid = flags.Bid(p) ?? throw new CliUsageException("--bid-price: a spot pool needs a bid in USD per node-hour, e.g. --bid-price 0.08.");
                var request = new SpotNodePoolRequest(p.GetValue(cloudspace)!, p.GetValue(serverClass)!, bid)
                {
                    Name = p.GetValue(name),
                    MaxBid = flags.Ceiling(p),
                    Desired = desired,
                    Autoscaling = autoscaling,
                    Labels = labels,
                    Annotations = annotations,
                    Taints = taints,
                };
                try
                {
                    json = JsonModels.ToNode(await s.Client.SpotNodePools.CreateAsync(request, ct).ConfigureAwait(false));
                }
                catch (BidCeilingException refusal)
                {
                    throw GuardFlags.CeilingRefusal(refusal);
                }
            }
            else
            {
                var request = new OnDemandNodePoolRequest(p.GetValue(cloudspace)!, p.GetValue(serverClass)!)
                {
                    Name = p.GetValue(name),
                    Desired = desired,
                    Labels = labels,
                    Annotations = annotations,
                    Taints = taints,
                };
                json = JsonModels.ToNode(await s.Client.OnDemandNodePools.CreateAsync(request, ct).ConfigureAwait(false));
            }

            s.Output.Write(new JsonShapes(() => json, () => PythonShapes.Apply(spot ? PythonModels.SpotNodePool : PythonModels.OnDemandNodePool, json)), () => Pairs(json, spot));
        });
    }

    private static Command Update(CliSession s, bool spot, string noun)
    {
        var name = PoolName();
        var flags = new PoolFlags();
        var cloudspace = new Option<string?>("--cloudspace") { Description = "Cloudspace of the pool (checked; a pool cannot move)", HelpName = "name" };
        var serverClass = new Option<string?>("--server-class", "--serverclass") { Description = "Server class of the pool (checked; it cannot change: create a new pool)" };
        return Cmd.New("update", $"Change a {noun} (only the given fields)", [.. name.Symbols, cloudspace, serverClass, .. flags.For(spot)]).Runs(s, async (p, ct) =>
        {
            // --cloudspace is checked below against the pool, with its own message.
            var poolName = await PoolNames.ResolveAsync(s, spot, name.Get(p), null, ct).ConfigureAwait(false);
            var desired = PoolFlags.Count(p, flags.Desired);
            var update = new NodePoolUpdate
            {
                Desired = desired,
                BidPrice = spot ? flags.Bid(p) : null,
                MaxBid = spot ? flags.Ceiling(p) : null,
                Autoscaling = flags.Autoscaling(p, spot, desired),
                DisableAutoscaling = spot && p.GetValue(flags.NoAutoscale),
                Labels = flags.ParseLabels(p),
                Annotations = flags.ParseAnnotations(p),
                Taints = flags.ParseTaints(p),
            };
            if (p.GetValue(cloudspace) is not null || p.GetValue(serverClass) is not null)
            {
                var current = spot
                    ? JsonModels.ToNode(await s.Client.SpotNodePools.GetAsync(poolName, ct).ConfigureAwait(false))
                    : JsonModels.ToNode(await s.Client.OnDemandNodePools.GetAsync(poolName, ct).ConfigureAwait(false));
                EnsureUnchanged(p, cloudspace, JsonModels.Text(current, "spec.cloudSpace"), $"{noun} '{poolName}' belongs to cloudspace");
                EnsureUnchanged(p, serverClass, JsonModels.Text(current, "spec.serverClass"), $"the server class of {noun} '{poolName}' cannot change (create a new pool instead); it is");
            }

            JsonNode json;
            try
            {
                json = spot
                    ? JsonModels.ToNode(await s.Client.SpotNodePools.UpdateAsync(poolName, update, ct).ConfigureAwait(false))
                    : JsonModels.ToNode(await s.Client.OnDemandNodePools.UpdateAsync(poolName, update, ct).ConfigureAwait(false));
            }
            catch (BidCeilingException refusal)
            {
                throw GuardFlags.CeilingRefusal(refusal);
            }
            s.Output.Write(new JsonShapes(() => json, () => PythonShapes.Apply(spot ? PythonModels.SpotNodePool : PythonModels.OnDemandNodePool, json)), () => Pairs(json, spot));
        });
    }

    private static void EnsureUnchanged(ParseResult p, Option<string?> option, string? current, string what)
    {
        if (p.GetValue(option) is { } wanted && !string.Equals(wanted, current, StringComparison.Ordinal))
        {
            throw new CliUsageException($"{p.TypedName(option)}: {what} '{current}', not '{wanted}'.");
        }
    }

    private static Command Delete(CliSession s, bool spot, string noun)
    {
        var name = PoolName();
        var yes = Cmd.Yes();
        var cloudspace = CloudspaceOption();
        return Cmd.New("delete", $"Delete a {noun} (by its name or a unique start of it; --cloudspace checks where it is)", [.. name.Symbols, cloudspace, yes]).Runs(s, async (p, ct) =>
        {
            var poolName = await PoolNames.ResolveAsync(s, spot, name.Get(p), p.GetValue(cloudspace), ct).ConfigureAwait(false);
            s.Confirm($"Delete {noun} '{poolName}'", p.GetValue(yes), name.GivenAsArgument(p));
            var status = spot
                ? await s.Client.SpotNodePools.DeleteAsync(poolName, ct).ConfigureAwait(false)
                : await s.Client.OnDemandNodePools.DeleteAsync(poolName, ct).ConfigureAwait(false);
            s.Output.Write(new JsonShapes(() => DeletionJson.Summary(noun, poolName, status), () => DeletionJson.PythonStatus(status)), () => TableView.Pairs([("deleted", $"{noun} {poolName}"), ("status", status?.StatusProp ?? "Success")]));
        });
    }

    internal static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
