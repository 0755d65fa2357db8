using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;

namespace Rsspot.Cli.Commands;

/// <summary><c>organizations list|get</c>.</summary>
internal static class OrganizationsCommands
{
    public static Command Create(CliSession s)
    {
        var list = Cmd.New("list", "List the organizations your token can see").Runs(s, async (_, ct) =>
        {
            if (s.Output.PrintsPythonShape(hasSpotctlShape: true))
            {
                // The Python rsspot prints the API's answer (one page, with start/limit/next) through its model.
                var answer = await s.Client.Raw.SendAsync("GET", "/apis/auth.ngpc.rxt.io/v1/organizations", cancellationToken: ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.Organizations, answer)), () => new TableView());
                return;
            }

            var orgs = await s.Client.Organizations.ListAsync(ct).ConfigureAwait(false);
            var refs = orgs.Select(Services.OrganizationsService.ToRef).ToList();
            s.Output.Write(new JsonShapes(() => JsonModels.ToArray(orgs), Spotctl: () => new JsonArray([.. refs.Select(r => (JsonNode)SpotctlShapes.Organization(r.Name, r.Id))])), () =>
            {
                var table = new TableView("NAME", "ID", "DISPLAY NAME", "NAMESPACE");
                foreach (var org in orgs)
                {
                    var r = Services.OrganizationsService.ToRef(org);
                    table.Add(r.Name, r.Id, r.DisplayName, r.Namespace);
                }

                return table;
            });
        });

        var nameArg = Cmd.NameArgument("name-or-id", "Organization name or id");
        var get = Cmd.New("get", "Show one organization (by name or id)", nameArg).Runs(s, async (p, ct) =>
        {
            var org = await s.Client.Organizations.GetAsync(p.GetValue(nameArg)!, ct).ConfigureAwait(false);
            var json = new JsonObject { ["id"] = org.Id, ["name"] = org.Name, ["display_name"] = org.DisplayName, ["namespace"] = org.Namespace };
            s.Output.Write(new JsonShapes(() => json, () => PythonShapes.Organization(org), () => SpotctlShapes.Organization(org.Name, org.Id)), () => TableView.Pairs([("id", org.Id), ("name", org.Name), ("display_name", org.DisplayName), ("namespace", org.Namespace)]));
        });

        return Cmd.Group("organizations", "Organizations (an org scopes cloudspaces and node pools)", list, get);
    }
}
