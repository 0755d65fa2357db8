using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Generated.Api.Models;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Regions;

/// <summary><c>regions list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliSession session) => Cmd.New("list", "List the regions").Runs(session, (_, ct) => RunAsync(session, ct));

    public static async Task RunAsync(CliSession session, CancellationToken ct)
    {
        var regions = await session.Client.Regions.ListAsync(cancellationToken: ct).ConfigureAwait(false);
        var sorted = regions.OrderBy(r => r.Metadata?.Name, StringComparer.Ordinal).ToList();
        session.Output.Write(
            new JsonShapes(
                () => JsonModels.ToArray(sorted),
                () => new JsonArray([.. regions.Select(r => (JsonNode)PythonShapes.Region(JsonModels.ToNode(r)))]),
                () => new JsonArray([.. regions.Select(r => (JsonNode)SpotctlShapes.Region(JsonModels.ToNode(r)))])),
            () => Table(sorted));
    }

    private static TableView Table(IEnumerable<Region> regions)
    {
        var table = new TableView("NAME", "COUNTRY", "DESCRIPTION");
        foreach (var region in regions.Select(RegionSummary.From))
        {
            table.Add(region.Name, region.Country, region.Description);
        }

        return table;
    }
}
