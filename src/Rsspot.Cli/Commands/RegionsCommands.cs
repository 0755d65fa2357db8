using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Generated.Api.Models;
using Rsspot.Services;

namespace Rsspot.Cli.Commands;

/// <summary><c>regions list|get</c>.</summary>
internal static class RegionsCommands
{
    public static Command Create(CliSession s)
    {
        var list = Cmd.New("list", "List the regions").Runs(s, async (_, ct) =>
        {
            var regions = await s.Client.Regions.ListAsync(cancellationToken: ct).ConfigureAwait(false);
            var sorted = regions.OrderBy(r => r.Metadata?.Name, StringComparer.Ordinal).ToList();
            s.Output.Write(
                new JsonShapes(
                    () => JsonModels.ToArray(sorted),
                    () => new JsonArray([.. regions.Select(r => (JsonNode)PythonShapes.Region(JsonModels.ToNode(r)))]),
                    () => new JsonArray([.. regions.Select(r => (JsonNode)SpotctlShapes.Region(JsonModels.ToNode(r)))])),
                () => Table(sorted));
        });

        var name = new NameInput("name", "region name, e.g. us-central-dfw-1");
        var get = Cmd.New("get", "Show one region", name.Symbols).Runs(s, async (p, ct) =>
        {
            var region = JsonModels.ToNode(await s.Client.Regions.GetAsync(name.Get(p), ct).ConfigureAwait(false));
            s.Output.Write(new JsonShapes(() => region, () => PythonShapes.Region(region), () => SpotctlShapes.Region(region)), () => TableView.Pairs([
                ("name", JsonModels.Text(region, "metadata.name")),
                ("country", JsonModels.Text(region, "spec.country")),
                ("description", JsonModels.Text(region, "spec.description")),
                ("provider", JsonModels.Text(region, "spec.provider.providerType")),
            ]));
        });

        return Cmd.Group("regions", "Regions where cloudspaces run", list, get);
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
