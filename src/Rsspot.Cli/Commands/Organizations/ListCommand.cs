using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Organizations;

/// <summary><c>organizations list</c>: the organizations the token can see.</summary>
internal static class ListCommand
{
    public static Command Create(CliSession session) => Cmd.New("list", "List the organizations your token can see").Runs(session, (_, ct) => RunAsync(session, ct));

    public static async Task RunAsync(CliSession session, CancellationToken ct)
    {
        if (session.Output.PrintsPythonShape(hasSpotctlShape: true))
        {
            // The Python rsspot prints the API's answer (one page, with start/limit/next) through its model.
            var answer = await session.Client.Raw.SendAsync("GET", "/apis/auth.ngpc.rxt.io/v1/organizations", cancellationToken: ct).ConfigureAwait(false);
            session.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.Organizations, answer)), () => new TableView());
            return;
        }

        var orgs = await session.Client.Organizations.ListAsync(ct).ConfigureAwait(false);
        var refs = orgs.Select(OrganizationsService.ToRef).ToList();
        session.Output.Write(new JsonShapes(() => JsonModels.ToArray(orgs), Spotctl: () => new JsonArray([.. refs.Select(r => (JsonNode)SpotctlShapes.Organization(r.Name, r.Id))])), () =>
        {
            var table = new TableView("NAME", "ID", "DISPLAY NAME", "NAMESPACE");
            foreach (var r in refs)
            {
                table.Add(r.Name, r.Id, r.DisplayName, r.Namespace);
            }

            return table;
        });
    }
}
