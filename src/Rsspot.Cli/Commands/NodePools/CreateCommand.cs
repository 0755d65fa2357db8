using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary><c>nodepools spot|ondemand create --cloudspace C --serverclass S [--bid-price] [--desired] ...</c>.</summary>
internal static class CreateCommand
{
    /// <param name="Kind">Spot or on-demand.</param>
    /// <param name="Cloudspace">The cloudspace of the new pool.</param>
    /// <param name="ServerClass">Its server class.</param>
    /// <param name="Name">Its name, or null for a new UUID.</param>
    /// <param name="Settings">Count, bid, autoscaling, labels, annotations and taints.</param>
    internal sealed record Options(PoolKind Kind, string Cloudspace, string ServerClass, string? Name, PoolSettings Settings);

    public static Command Create(CliSession session, PoolKind kind)
    {
        var cloudspace = NodePoolsCommand.CloudspaceOption(required: true);
        var serverClass = new Option<string>("--serverclass", "--server-class") { Description = "Server class, e.g. gp.vs1.medium-dfw", Required = true };
        var name = new Option<string?>("--name") { Description = "Pool name (a lower-case UUID; default: a new one)" };
        var flags = new PoolFlags();
        var examples = kind.IsSpot
            ? "\n\nExamples:\n  rsspot nodepools spot create --cloudspace demo --serverclass gp.vs1.medium-dfw --bid-price 0.08 --desired 2 --label team=web --taint dedicated=web:NoSchedule\n  rsspot np spot create --cloudspace demo --serverclass gp.vs1.medium-dfw --bidprice 0.08 --custom-labels team=web,tier=a --autoscaling --autoscaling-min 1 --autoscaling-max 4"
            : string.Empty;
        var command = Cmd.New("create", $"Create a {kind.Noun}" + examples, [cloudspace, serverClass, name, .. flags.For(kind)]);
        return command.Runs(session, (p, ct) => RunAsync(new Options(kind, p.GetValue(cloudspace)!, p.GetValue(serverClass)!, p.GetValue(name), flags.Parse(p, kind, defaultDesired: 1)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var settings = options.Settings;
        var desired = settings.Desired ?? 1;
        JsonNode json;
        if (options.Kind.IsSpot)
        {
            var bid = settings.Bid ?? throw new CliUsageException("--bid-price: a spot pool needs a bid in USD per node-hour, e.g. --bid-price 0.08.");
            var request = new SpotNodePoolRequest(options.Cloudspace, options.ServerClass, bid)
            {
                Name = options.Name,
                MaxBid = settings.Ceiling,
                Desired = desired,
                Autoscaling = settings.Autoscaling,
                Labels = settings.Labels,
                Annotations = settings.Annotations,
                Taints = settings.Taints,
            };
            try
            {
                json = JsonModels.ToNode(await session.Client.SpotNodePools.CreateAsync(request, ct).ConfigureAwait(false));
            }
            catch (BidCeilingException refusal)
            {
                throw GuardFlags.CeilingRefusal(refusal);
            }
        }
        else
        {
            var request = new OnDemandNodePoolRequest(options.Cloudspace, options.ServerClass)
            {
                Name = options.Name,
                Desired = desired,
                Labels = settings.Labels,
                Annotations = settings.Annotations,
                Taints = settings.Taints,
            };
            json = JsonModels.ToNode(await session.Client.OnDemandNodePools.CreateAsync(request, ct).ConfigureAwait(false));
        }

        session.Output.Write(new JsonShapes(() => json, () => PythonShapes.Apply(options.Kind.PythonModel, json)), () => NodePoolViews.Pairs(json, options.Kind.IsSpot));
    }
}
