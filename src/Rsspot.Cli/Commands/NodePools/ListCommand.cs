using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary><c>nodepools spot|ondemand list [--cloudspace]</c>.</summary>
internal static class ListCommand
{
    /// <param name="Kind">Spot or on-demand.</param>
    /// <param name="Cloudspace">Only this cloudspace's pools, or null for all.</param>
    internal sealed record Options(PoolKind Kind, string? Cloudspace);

    public static Command Create(CliSession session, PoolKind kind)
    {
        var cloudspace = NodePoolsCommand.CloudspaceOption();
        return Cmd.New("list", $"List {kind.Noun}s (all, or one cloudspace's)", cloudspace)
            .Runs(session, (p, ct) => RunAsync(new Options(kind, p.GetValue(cloudspace)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var spot = options.Kind.IsSpot;
        if (session.Output.PrintsPythonShape(hasSpotctlShape: true))
        {
            var cs = options.Cloudspace;
            if (cs is not null)
            {
                SpotNames.EnsureCloudspaceName(cs);
            }

            var answer = await ApiAnswers.ListAsync(session, spot ? "spotnodepools" : "ondemandnodepools", cs is null ? null : "ngpc.rxt.io/cloudspace=" + cs, ct).ConfigureAwait(false);
            session.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(options.Kind.PythonModel), answer)), () => new TableView());
            return;
        }

        var org = session.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(session) : string.Empty;
        if (spot)
        {
            var pools = await session.Client.SpotNodePools.ListAsync(options.Cloudspace, ct).ConfigureAwait(false);
            var prices = await SpotMarketColumns.ReadAsync(session, ct).ConfigureAwait(false);
            session.Output.Write(
                new JsonShapes(() => JsonModels.ToArray(pools), Spotctl: () => new JsonArray([.. pools.Select(x => (JsonNode)SpotctlShapes.NodePool(JsonModels.ToNode(x), org, spot: true))])),
                () => NodePoolViews.Spot(pools.Select(SpotNodePoolSummary.From), prices));
        }
        else
        {
            var pools = await session.Client.OnDemandNodePools.ListAsync(options.Cloudspace, ct).ConfigureAwait(false);
            session.Output.Write(
                new JsonShapes(() => JsonModels.ToArray(pools), Spotctl: () => new JsonArray([.. pools.Select(x => (JsonNode)SpotctlShapes.NodePool(JsonModels.ToNode(x), org, spot: false))])),
                () => NodePoolViews.OnDemand(pools.Select(OnDemandNodePoolSummary.From)));
        }
    }
}
