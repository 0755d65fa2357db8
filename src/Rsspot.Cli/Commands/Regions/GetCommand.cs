using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.Regions;

/// <summary><c>regions get NAME</c>.</summary>
internal static class GetCommand
{
    /// <param name="Name">The region.</param>
    internal sealed record Options(string Name);

    public static Command Create(CliSession session)
    {
        var name = new NameInput("name", "region name, e.g. us-central-dfw-1");
        return Cmd.New("get", "Show one region", name.Symbols).Runs(session, (p, ct) => RunAsync(new Options(name.Get(p)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var region = JsonModels.ToNode(await session.Client.Regions.GetAsync(options.Name, ct).ConfigureAwait(false));
        session.Output.Write(new JsonShapes(() => region, () => PythonShapes.Region(region), () => SpotctlShapes.Region(region)), () => TableView.Pairs([
            ("name", JsonModels.Text(region, "metadata.name")),
            ("country", JsonModels.Text(region, "spec.country")),
            ("description", JsonModels.Text(region, "spec.description")),
            ("provider", JsonModels.Text(region, "spec.provider.providerType")),
        ]));
    }
}
