using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces list [--selector]</c>.</summary>
internal static class ListCommand
{
    /// <param name="Selector">Label selector, or null for all.</param>
    internal sealed record Options(string? Selector);

    public static Command Create(CliSession session)
    {
        var selector = new Option<string?>("--selector", "-l") { Description = "Label selector, e.g. team=web" };
        return Cmd.New("list", "List cloudspaces", selector).Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(selector)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (session.Output.PrintsPythonShape(hasSpotctlShape: true))
        {
            var answer = await ApiAnswers.ListAsync(session, "cloudspaces", options.Selector, ct).ConfigureAwait(false);
            session.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(PythonModels.Cloudspace), answer)), () => new TableView());
            return;
        }

        var cloudspaces = await session.Client.Cloudspaces.ListAsync(options.Selector, ct).ConfigureAwait(false);
        var org = session.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(session) : string.Empty;
        session.Output.Write(
            new JsonShapes(() => JsonModels.ToArray(cloudspaces), Spotctl: () => new JsonArray([.. cloudspaces.Select(c => (JsonNode)SpotctlShapes.Cloudspace(JsonModels.ToNode(c), org))])),
            () => CloudspaceViews.List(cloudspaces));
    }
}
