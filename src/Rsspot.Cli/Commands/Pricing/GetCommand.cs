using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary><c>pricing get CLASS</c>: all known prices of one server class.</summary>
internal static class GetCommand
{
    /// <param name="ServerClass">The server class.</param>
    internal sealed record Options(string ServerClass);

    public static Command Create(CliSession session)
    {
        var name = new NameInput("class", "server class, e.g. gp.vs1.medium-dfw", "--serverclass");
        return Cmd.New("get", "All known prices of one server class", name.Symbols).Runs(session, (p, ct) => RunAsync(new Options(name.Get(p)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (session.Output.PrintsPythonShape(hasSpotctlShape: true) || session.Output.PrintsSpotctlShape)
        {
            // Both other CLIs print the price details of the server class itself.
            var serverClass = JsonModels.ToNode(await session.Client.ServerClasses.GetAsync(options.ServerClass, ct).ConfigureAwait(false));
            session.Output.Write(new JsonShapes(() => null, () => PythonShapes.PriceDetails(serverClass), () => SpotctlShapes.PriceDetails(serverClass)), () => new TableView());
            return;
        }

        var rows = await session.Client.Pricing.GetAsync(options.ServerClass, ct).ConfigureAwait(false);
        var json = new JsonArray([.. rows.Select(r => (JsonNode)PriceJson.Row(r))]);
        session.Output.Write(json, () =>
        {
            var table = new TableView("REGION", "VCPU", "MEM GB", "MARKET/H", "HAMMER/H", "MIN BID/H", "ON-DEMAND/H", "P20", "P50", "P80");
            foreach (var r in rows)
            {
                table.Add(r.Region, JsonModels.Number(r.Cpu), JsonModels.Number(r.MemoryGb), JsonModels.Money(r.MarketPerHour), JsonModels.Money(r.HammerPerHour), JsonModels.Money(r.MinimumBidPerHour), JsonModels.Money(r.OnDemandPerHour), JsonModels.Money(r.P20), JsonModels.Money(r.P50), JsonModels.Money(r.P80));
            }

            return table;
        });
    }
}
