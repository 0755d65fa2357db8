using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary><c>nodepools spot|ondemand update NAME [--desired] [--bid-price] ...</c>: only the given fields change.</summary>
internal static class UpdateCommand
{
    /// <param name="Kind">Spot or on-demand.</param>
    /// <param name="Name">The pool's name or a unique start of it.</param>
    /// <param name="Cloudspace">The cloudspace the pool must belong to (checked; a pool cannot move), or null.</param>
    /// <param name="CloudspaceFlag">The spelling of the cloudspace flag as typed (for messages).</param>
    /// <param name="ServerClass">The server class the pool must have (checked; it cannot change), or null.</param>
    /// <param name="ServerClassFlag">The spelling of the server class flag as typed (for messages).</param>
    /// <param name="Settings">What to change.</param>
    internal sealed record Options(PoolKind Kind, string Name, string? Cloudspace, string CloudspaceFlag, string? ServerClass, string ServerClassFlag, PoolSettings Settings);

    public static Command Create(CliSession session, PoolKind kind)
    {
        var name = NodePoolsCommand.PoolName();
        var flags = new PoolFlags();
        var cloudspace = new Option<string?>("--cloudspace") { Description = "Cloudspace of the pool (checked; a pool cannot move)", HelpName = "name" };
        var serverClass = new Option<string?>("--server-class", "--serverclass") { Description = "Server class of the pool (checked; it cannot change: create a new pool)" };
        return Cmd.New("update", $"Change a {kind.Noun} (only the given fields)", [.. name.Symbols, cloudspace, serverClass, .. flags.For(kind)])
            .Runs(session, (p, ct) => RunAsync(
                new Options(kind, name.Get(p), p.GetValue(cloudspace), p.TypedName(cloudspace), p.GetValue(serverClass), p.TypedName(serverClass), flags.Parse(p, kind)),
                session,
                ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var spot = options.Kind.IsSpot;
        var noun = options.Kind.Noun;

        // --cloudspace is checked below against the pool, with its own message.
        var poolName = await PoolNames.ResolveAsync(session, spot, options.Name, null, ct).ConfigureAwait(false);
        var settings = options.Settings;
        var update = new NodePoolUpdate
        {
            Desired = settings.Desired,
            BidPrice = settings.Bid,
            MaxBid = settings.Ceiling,
            Autoscaling = settings.Autoscaling,
            DisableAutoscaling = settings.DisableAutoscaling,
            Labels = settings.Labels,
            Annotations = settings.Annotations,
            Taints = settings.Taints,
        };
        if (options.Cloudspace is not null || options.ServerClass is not null)
        {
            var current = spot
                ? JsonModels.ToNode(await session.Client.SpotNodePools.GetAsync(poolName, ct).ConfigureAwait(false))
                : JsonModels.ToNode(await session.Client.OnDemandNodePools.GetAsync(poolName, ct).ConfigureAwait(false));
            EnsureUnchanged(options.CloudspaceFlag, options.Cloudspace, JsonModels.Text(current, "spec.cloudSpace"), $"{noun} '{poolName}' belongs to cloudspace");
            EnsureUnchanged(options.ServerClassFlag, options.ServerClass, JsonModels.Text(current, "spec.serverClass"), $"the server class of {noun} '{poolName}' cannot change (create a new pool instead); it is");
        }

        JsonNode json;
        try
        {
            json = spot
                ? JsonModels.ToNode(await session.Client.SpotNodePools.UpdateAsync(poolName, update, ct).ConfigureAwait(false))
                : JsonModels.ToNode(await session.Client.OnDemandNodePools.UpdateAsync(poolName, update, ct).ConfigureAwait(false));
        }
        catch (BidCeilingException refusal)
        {
            throw GuardFlags.CeilingRefusal(refusal);
        }

        session.Output.Write(new JsonShapes(() => json, () => PythonShapes.Apply(options.Kind.PythonModel, json)), () => NodePoolViews.Pairs(json, spot));
    }

    private static void EnsureUnchanged(string flag, string? wanted, string? current, string what)
    {
        if (wanted is not null && !string.Equals(wanted, current, StringComparison.Ordinal))
        {
            throw new CliUsageException($"{flag}: {what} '{current}', not '{wanted}'.");
        }
    }
}
