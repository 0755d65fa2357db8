using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.ServerClasses;

/// <summary><c>server-classes get NAME</c>.</summary>
internal static class GetCommand
{
    /// <param name="Name">The server class.</param>
    internal sealed record Options(string Name);

    public static Command Create(CliSession session)
    {
        var name = new NameInput("name", "server class, e.g. gp.vs1.medium-dfw");
        return Cmd.New("get", "Show one server class", name.Symbols).Runs(session, (p, ct) => RunAsync(new Options(name.Get(p)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var json = JsonModels.ToNode(await session.Client.ServerClasses.GetAsync(options.Name, ct).ConfigureAwait(false));
        session.Output.Write(new JsonShapes(() => json, () => PythonShapes.ServerClass(json), () => SpotctlShapes.ServerClass(json)), () => TableView.Pairs(Fields(json)));
    }

    private static IEnumerable<(string, string?)> Fields(JsonNode json) =>
    [
        ("name", JsonModels.Text(json, "metadata.name")),
        ("display_name", JsonModels.Text(json, "spec.displayName")),
        ("region", JsonModels.Text(json, "spec.region")),
        ("category", JsonModels.Text(json, "spec.category")),
        ("availability", JsonModels.Text(json, "spec.availability")),
        ("cpu", JsonModels.Text(json, "spec.resources.cpu")),
        ("memory", JsonModels.Text(json, "spec.resources.memory")),
        ("market_price_per_hour", JsonModels.Text(json, "status.spotPricing.marketPricePerHour")),
        ("hammer_price_per_hour", JsonModels.Text(json, "status.spotPricing.hammerPricePerHour")),
        ("on_demand_cost", JsonModels.Text(json, "spec.onDemandPricing.cost")),
    ];
}
