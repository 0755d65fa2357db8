using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands.Organizations;

/// <summary><c>organizations get NAME-OR-ID</c>.</summary>
internal static class GetCommand
{
    /// <param name="NameOrId">The organization's name or id.</param>
    internal sealed record Options(string NameOrId);

    public static Command Create(CliSession session)
    {
        var nameArg = Cmd.NameArgument("name-or-id", "Organization name or id");
        return Cmd.New("get", "Show one organization (by name or id)", nameArg).Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(nameArg)!), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var org = await session.Client.Organizations.GetAsync(options.NameOrId, ct).ConfigureAwait(false);
        var json = new JsonObject { ["id"] = org.Id, ["name"] = org.Name, ["display_name"] = org.DisplayName, ["namespace"] = org.Namespace };
        session.Output.Write(
            new JsonShapes(() => json, () => PythonShapes.Organization(org), () => SpotctlShapes.Organization(org.Name, org.Id)),
            () => TableView.Pairs([("id", org.Id), ("name", org.Name), ("display_name", org.DisplayName), ("namespace", org.Namespace)]));
    }
}
