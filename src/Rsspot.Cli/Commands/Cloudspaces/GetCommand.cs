using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces get NAME</c>.</summary>
internal static class GetCommand
{
    /// <param name="Name">The cloudspace.</param>
    internal sealed record Options(string Name);

    public static Command Create(CliSession session)
    {
        var name = CloudspacesCommand.NameArg();
        return Cmd.New("get", "Show one cloudspace", name.Symbols).Runs(session, (p, ct) => RunAsync(new Options(name.Get(p)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var json = JsonModels.ToNode(await session.Client.Cloudspaces.GetAsync(options.Name, ct).ConfigureAwait(false));
        var org = session.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(session) : string.Empty;
        session.Output.Write(
            new JsonShapes(() => json, () => PythonShapes.Apply(PythonModels.Cloudspace, json), () => SpotctlShapes.Cloudspace(json, org)),
            () => CloudspaceViews.Pairs(json));
    }
}
