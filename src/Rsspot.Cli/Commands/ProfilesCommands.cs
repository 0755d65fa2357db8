using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Configuration;

namespace Rsspot.Cli.Commands;

/// <summary><c>profiles list|show|use|delete</c>.</summary>
internal static class ProfilesCommands
{
    public static Command Create(CliSession s)
    {
        var list = Cmd.New("list", "List the profiles of the config file").Runs(s, _ =>
        {
            var resolved = s.ResolveConfig();
            var active = resolved.SelectProfile(s.ProfileName).Name;
            var profiles = resolved.ProfileNames.Order(StringComparer.Ordinal).Select(resolved.GetProfile).ToList();
            var json = new JsonArray([.. profiles.Select(p => (JsonNode)ToJson(p, p.Name == active))]);
            var python = new JsonObject { ["active_profile"] = active, ["profiles"] = new JsonArray([.. profiles.Select(p => (JsonNode)p.Name)]) };
            s.Output.Write(new JsonShapes(() => json, () => python), () =>
            {
                var table = new TableView("NAME", "ACTIVE", "ORG", "REGION", "BASE URL");
                foreach (var p in profiles)
                {
                    table.Add(p.Name, p.Name == active ? "*" : string.Empty, p.Org ?? p.OrgId, p.Region, Security.SecretPolicy.RedactUrlCredentials(p.BaseUrl));
                }

                return table;
            });
        });

        var showName = new Argument<string?>("name") { Description = "Profile name (default: the selected profile)", Arity = ArgumentArity.ZeroOrOne };
        var show = Cmd.New("show", "Show a profile's effective settings (secrets redacted)", showName).Runs(s, p =>
        {
            var resolved = s.ResolveConfig();
            var profile = resolved.GetProfile(p.GetValue(showName) ?? s.ProfileName);
            s.Output.Write(ToJson(profile, profile.Name == resolved.SelectProfile(s.ProfileName).Name), () => TableView.Pairs(profile.ToRedactedPairs().Select(kv => (kv.Key, kv.Value))));
        });

        var useName = Cmd.NameArgument("name", "Profile to make active");
        var use = Cmd.New("use", "Make a profile the active one", useName).Runs(s, p =>
        {
            var name = p.GetValue(useName)!;
            var store = ConfigStore.Update(WritablePath(s), store => store.SetActiveProfile(name));
            s.Output.Write(new JsonObject { ["active_profile"] = name, ["path"] = store.Path }, () => TableView.Pairs([("active_profile", name), ("path", store.Path)]));
        });

        var deleteName = Cmd.NameArgument("name", "Profile to delete");
        var yes = Cmd.Yes();
        var delete = Cmd.New("delete", "Delete a profile from the config file", deleteName, yes).Runs(s, p =>
        {
            var name = p.GetValue(deleteName)!;
            var path = WritablePath(s);
            s.Confirm($"Delete profile '{name}' from {Path.GetFullPath(path)}", p.GetValue(yes), unattendedAsPython: true);
            var store = ConfigStore.Update(path, store =>
            {
                if (!store.DeleteProfile(name))
                {
                    throw new ConfigException($"Profile '{name}' does not exist in '{store.Path}'. See 'rsspot profiles list'.", store.Path, "profiles." + name);
                }
            });
            s.Output.Write(new JsonObject { ["deleted"] = name, ["path"] = store.Path }, () => TableView.Pairs([("deleted", name), ("path", store.Path)]));
        });

        return Cmd.Group("profiles", "Profiles of the config file (one per account or environment)", list, show, use, delete);
    }

    /// <summary>The config file that profile and preference edits write.</summary>
    internal static string WritablePath(CliSession s) => s.ConfigFile ?? s.ResolveConfig().WritablePath;

    internal static JsonObject ToJson(EffectiveProfile profile, bool active)
    {
        var json = new JsonObject();
        foreach (var (key, value) in profile.ToRedactedPairs())
        {
            json[key] = value;
        }

        json["active"] = active;
        return json;
    }
}
