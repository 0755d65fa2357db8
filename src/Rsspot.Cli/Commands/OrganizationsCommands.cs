using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands;

/// <summary><c>organizations list|get</c>.</summary>
internal static class OrganizationsCommands
{
    public static Command Create(CliSession s)
    {
        var list = Cmd.New("list", "List the organizations your token can see").Runs(s, async (_, ct) =>
        {
            var orgs = await s.Client.Organizations.ListAsync(ct).ConfigureAwait(false);
            s.Output.Write(JsonModels.ToArray(orgs), () =>
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
            s.Output.Write(json, () => TableView.Pairs([("id", org.Id), ("name", org.Name), ("display_name", org.DisplayName), ("namespace", org.Namespace)]));
        });

        return Cmd.Group("organizations", "Organizations (an org scopes cloudspaces and node pools)", list, get);
    }
}
