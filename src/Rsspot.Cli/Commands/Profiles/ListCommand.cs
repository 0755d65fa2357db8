using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Profiles;

/// <summary><c>profiles list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliSession session) => Cmd.New("list", "List the profiles of the config file").Runs(session, _ => Run(session));

    public static void Run(CliSession session)
    {
        var resolved = session.ResolveConfig();
        var active = resolved.SelectProfile(session.ProfileName).Name;
        var profiles = resolved.ProfileNames.Order(StringComparer.Ordinal).Select(resolved.GetProfile).ToList();
        var json = new JsonArray([.. profiles.Select(p => (JsonNode)ProfileJson.Of(p, p.Name == active))]);
        var python = new JsonObject { ["active_profile"] = active, ["profiles"] = new JsonArray([.. profiles.Select(p => (JsonNode)p.Name)]) };
        session.Output.Write(new JsonShapes(() => json, () => python), () =>
        {
            var table = new TableView("NAME", "ACTIVE", "ORG", "REGION", "BASE URL");
            foreach (var p in profiles)
            {
                table.Add(p.Name, p.Name == active ? "*" : string.Empty, p.Org ?? p.OrgId, p.Region, Security.SecretPolicy.RedactUrlCredentials(p.BaseUrl));
            }

            return table;
        });
    }
}
