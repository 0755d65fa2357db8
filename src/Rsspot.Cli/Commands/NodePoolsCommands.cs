using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
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

    private static Argument<string> PoolName() => Cmd.NameArgument("name", "Pool name (a lower-case UUID)");

    private static Command List(CliSession s, bool spot, string noun)
    {
        var cloudspace = CloudspaceOption();
        return Cmd.New("list", $"List {noun}s (all, or one cloudspace's)", cloudspace).Runs(s, async (p, ct) =>
        {
            if (spot)
            {
                var pools = await s.Client.SpotNodePools.ListAsync(p.GetValue(cloudspace), ct).ConfigureAwait(false);
                var prices = await SpotMarketColumns.ReadAsync(s, ct).ConfigureAwait(false);
                s.Output.Write(JsonModels.ToArray(pools), () => SpotTable(pools.Select(SpotNodePoolSummary.From), prices));
            }
            else
            {
                var pools = await s.Client.OnDemandNodePools.ListAsync(p.GetValue(cloudspace), ct).ConfigureAwait(false);
                s.Output.Write(JsonModels.ToArray(pools), () => OnDemandTable(pools.Select(OnDemandNodePoolSummary.From)));
            }
        });
    }

    private static TableView SpotTable(IEnumerable<SpotNodePoolSummary> pools, SpotMarketColumns prices)
    {
        var table = new TableView("NAME", "CLOUDSPACE", "SERVER CLASS", "DESIRED", "BID", "MARKET", "MINIMUM", "AUTOSCALE", "STATUS");
        foreach (var pool in pools.OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.ServerClass, StringComparer.Ordinal))
        {
            table.Add(pool.Name, pool.Cloudspace, pool.ServerClass, Count(pool.Desired), pool.BidPrice is { } bid ? JsonModels.Money(bid) : string.Empty, prices.Market(pool.ServerClass), prices.Minimum(pool.ServerClass), pool.Autoscaling?.ToString() ?? "off", pool.BidStatus);
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
        ("bid_price", JsonModels.Text(pool, "spec.bidPrice")),
        .. prices is null ? [] : new (string, string?)[] { ("market_price", prices.Market(JsonModels.Text(pool, "spec.serverClass"))), ("minimum_bid", prices.Minimum(JsonModels.Text(pool, "spec.serverClass"))) },
        ("autoscaling", Autoscale(pool)),
        ("bid_status", JsonModels.Text(pool, "status.bidStatus")),
    ];

    private static Command Get(CliSession s, bool spot, string noun)
    {
        var name = PoolName();
        return Cmd.New("get", $"Show one {noun}", name).Runs(s, async (p, ct) =>
        {
            var json = spot
                ? JsonModels.ToNode(await s.Client.SpotNodePools.GetAsync(p.GetValue(name)!, ct).ConfigureAwait(false))
                : JsonModels.ToNode(await s.Client.OnDemandNodePools.GetAsync(p.GetValue(name)!, ct).ConfigureAwait(false));
            var prices = spot ? await SpotMarketColumns.ReadAsync(s, ct).ConfigureAwait(false) : null;
            s.Output.Write(json, () => Pairs(json, spot, prices));
        });
    }

    /// <summary>The flags shared by create and update.</summary>
    private sealed class PoolFlags
    {
        public Option<int?> Desired { get; } = new("--desired") { Description = "Number of nodes" };

        public Option<string?> BidPrice { get; } = new("--bid-price") { Description = "Bid in USD per node-hour, e.g. 0.08 (spot only)", HelpName = "usd" };

        public Option<string[]> Labels { get; } = Cmd.Repeatable("--label", "Node label key=value (repeatable)", "key=value");

        public Option<string[]> Annotations { get; } = Cmd.Repeatable("--annotation", "Node annotation key=value (repeatable)", "key=value");

        public Option<string[]> Taints { get; } = Cmd.Repeatable("--taint", "Node taint key=value:Effect (NoSchedule, PreferNoSchedule, NoExecute; repeatable)", "key=value:Effect");

        public Option<int?> AutoscaleMin { get; } = new("--autoscale-min") { Description = "Autoscaling minimum nodes (spot only)" };

        public Option<int?> AutoscaleMax { get; } = new("--autoscale-max") { Description = "Autoscaling maximum nodes (spot only)" };

        public Symbol[] For(bool spot) => spot
            ? [Desired, BidPrice, Labels, Annotations, Taints, AutoscaleMin, AutoscaleMax]
            : [Desired, Labels, Annotations, Taints];

        public AutoscalingRange? Autoscaling(ParseResult p) => (p.GetValue(AutoscaleMin), p.GetValue(AutoscaleMax)) switch
        {
            (null, null) => null,
            ({ } min, { } max) => new AutoscalingRange(min, max),
            _ => throw new CliUsageException("--autoscale-min/--autoscale-max: give both, e.g. --autoscale-min 1 --autoscale-max 5."),
        };

        public IReadOnlyList<NodeTaint>? ParseTaints(ParseResult p) =>
            p.GetValue(Taints) is { Length: > 0 } taints ? [.. taints.Select(NodeTaint.Parse)] : null;
    }

    private static Command CreatePool(CliSession s, bool spot, string noun)
    {
        var cloudspace = CloudspaceOption(required: true);
        var serverClass = new Option<string>("--serverclass", "--server-class") { Description = "Server class, e.g. gp.vs1.medium-dfw", Required = true };
        var name = new Option<string?>("--name") { Description = "Pool name (a lower-case UUID; default: a new one)" };
        var flags = new PoolFlags();
        var command = Cmd.New("create", $"Create a {noun}" + (spot ? "\n\nExample:\n  rsspot nodepools spot create --cloudspace demo --serverclass gp.vs1.medium-dfw --bid-price 0.08 --desired 2 --label team=web --taint dedicated=web:NoSchedule" : string.Empty), [cloudspace, serverClass, name, .. flags.For(spot)]);
        return command.Runs(s, async (p, ct) =>
        {
            var labels = KeyValues.Parse(p.GetValue(flags.Labels), "--label");
            var annotations = KeyValues.Parse(p.GetValue(flags.Annotations), "--annotation");
            var taints = flags.ParseTaints(p);
            JsonNode json;
            if (spot)
            {
                var bid = p.GetValue(flags.BidPrice) ?? throw new CliUsageException("--bid-price: a spot pool needs a bid in USD per node-hour, e.g. --bid-price 0.08.");
                var request = new SpotNodePoolRequest(p.GetValue(cloudspace)!, p.GetValue(serverClass)!, Services.BidPrice.Parse(bid))
                {
                    Name = p.GetValue(name),
                    Desired = p.GetValue(flags.Desired) ?? 1,
                    Autoscaling = flags.Autoscaling(p),
                    Labels = labels,
                    Annotations = annotations,
                    Taints = taints,
                };
                json = JsonModels.ToNode(await s.Client.SpotNodePools.CreateAsync(request, ct).ConfigureAwait(false));
            }
            else
            {
                var request = new OnDemandNodePoolRequest(p.GetValue(cloudspace)!, p.GetValue(serverClass)!)
                {
                    Name = p.GetValue(name),
                    Desired = p.GetValue(flags.Desired) ?? 1,
                    Labels = labels,
                    Annotations = annotations,
                    Taints = taints,
                };
                json = JsonModels.ToNode(await s.Client.OnDemandNodePools.CreateAsync(request, ct).ConfigureAwait(false));
            }

            s.Output.Write(json, () => Pairs(json, spot));
        });
    }

    private static Command Update(CliSession s, bool spot, string noun)
    {
        var name = PoolName();
        var flags = new PoolFlags();
        var disable = new Option<bool>("--no-autoscale") { Description = "Turn autoscaling off" };
        Symbol[] options = spot ? [name, .. flags.For(spot), disable] : [name, .. flags.For(spot)];
        return Cmd.New("update", $"Change a {noun} (only the given fields)", options).Runs(s, async (p, ct) =>
        {
            var update = new NodePoolUpdate
            {
                Desired = p.GetValue(flags.Desired),
                BidPrice = spot && p.GetValue(flags.BidPrice) is { } bid ? Services.BidPrice.Parse(bid) : null,
                Autoscaling = spot ? flags.Autoscaling(p) : null,
                DisableAutoscaling = spot && p.GetValue(disable),
                Labels = KeyValues.Parse(p.GetValue(flags.Labels), "--label"),
                Annotations = KeyValues.Parse(p.GetValue(flags.Annotations), "--annotation"),
                Taints = flags.ParseTaints(p),
            };
            var json = spot
                ? JsonModels.ToNode(await s.Client.SpotNodePools.UpdateAsync(p.GetValue(name)!, update, ct).ConfigureAwait(false))
                : JsonModels.ToNode(await s.Client.OnDemandNodePools.UpdateAsync(p.GetValue(name)!, update, ct).ConfigureAwait(false));
            s.Output.Write(json, () => Pairs(json, spot));
        });
    }

    private static Command Delete(CliSession s, bool spot, string noun)
    {
        var name = PoolName();
        var yes = Cmd.Yes();
        return Cmd.New("delete", $"Delete a {noun}", name, yes).Runs(s, async (p, ct) =>
        {
            var poolName = p.GetValue(name)!;
            SpotNames.EnsurePoolName(poolName);
            s.Confirm($"Delete {noun} '{poolName}'", p.GetValue(yes));
            var status = spot
                ? await s.Client.SpotNodePools.DeleteAsync(poolName, ct).ConfigureAwait(false)
                : await s.Client.OnDemandNodePools.DeleteAsync(poolName, ct).ConfigureAwait(false);
            s.Output.Write(CloudspacesCommands.StatusJson(noun, poolName, status), () => TableView.Pairs([("deleted", $"{noun} {poolName}"), ("status", status?.StatusProp ?? "Success")]));
        });
    }

    internal static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
