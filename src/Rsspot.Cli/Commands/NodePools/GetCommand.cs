using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary><c>nodepools spot|ondemand get NAME [--cloudspace]</c>: by name or a unique start of it.</summary>
internal static class GetCommand
{
    /// <param name="Kind">Spot or on-demand.</param>
    /// <param name="Name">The pool's name or a unique start of it.</param>
    /// <param name="Cloudspace">The cloudspace it must belong to, or null.</param>
    internal sealed record Options(PoolKind Kind, string Name, string? Cloudspace);

    public static Command Create(CliSession session, PoolKind kind)
    {
        var name = NodePoolsCommand.PoolName();
        var cloudspace = NodePoolsCommand.CloudspaceOption();
        return Cmd.New("get", $"Show one {kind.Noun} (by its name or a unique start of it)", [.. name.Symbols, cloudspace])
            .Runs(session, (p, ct) => RunAsync(new Options(kind, name.Get(p), p.GetValue(cloudspace)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var spot = options.Kind.IsSpot;
        var poolName = await PoolNames.ResolveAsync(session, spot, options.Name, options.Cloudspace, ct).ConfigureAwait(false);
        var json = spot
            ? JsonModels.ToNode(await session.Client.SpotNodePools.GetAsync(poolName, ct).ConfigureAwait(false))
            : JsonModels.ToNode(await session.Client.OnDemandNodePools.GetAsync(poolName, ct).ConfigureAwait(false));
        var prices = spot ? await SpotMarketColumns.ReadAsync(session, ct).ConfigureAwait(false) : null;
        var org = session.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(session) : string.Empty;
        session.Output.Write(
            new JsonShapes(() => json, () => PythonShapes.Apply(options.Kind.PythonModel, json), () => SpotctlShapes.NodePool(json, org, spot)),
            () => NodePoolViews.Pairs(json, spot, prices));
    }
}
