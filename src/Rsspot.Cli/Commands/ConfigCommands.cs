using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;

namespace Rsspot.Cli.Commands;

/// <summary><c>config info|set-default-*|history ...</c>.</summary>
internal static class ConfigCommands
{
    public static Command Create(CliSession s)
    {
        var info = Cmd.New("info", "Show which config source won, the file, the profile and state.db (secrets redacted)").Runs(s, _ =>
        {
            var resolved = s.ResolveConfig();
            var (name, selectedBy) = resolved.SelectProfile(s.ProfileName);
            var profile = resolved.GetProfile(s.ProfileName);
            var statePath = profile.StatePath ?? (resolved.StateInMemory ? null : resolved.StatePath);
            var json = new JsonObject
            {
                ["source"] = resolved.Source.Kind.ToString(),
                ["source_detail"] = resolved.Source.ToString(),
                ["config_file"] = resolved.Source.Path,
                ["writable_path"] = resolved.Source.Path is null && resolved.Paths.ConfigDirectory is null ? null : resolved.WritablePath,
                ["profile"] = name,
                ["profile_selected_by"] = selectedBy ?? "default",
                ["profiles"] = new JsonArray([.. resolved.ProfileNames.Order(StringComparer.Ordinal).Select(n => (JsonNode)n)]),
                ["state_path"] = statePath,
                ["effective"] = ProfileJson.Of(profile, active: true),
            };
            s.Output.Write(new JsonShapes(() => json, () => PythonConfigInfo.Build(resolved, name, HistoryCount(s))), () => TableView.Pairs(
            [
                ("source", resolved.Source.ToString()),
                ("config_file", resolved.Source.Path ?? "(none)"),
                ("profile", $"{name} (selected by {selectedBy ?? "default"})"),
                ("profiles", string.Join(", ", resolved.ProfileNames.Order(StringComparer.Ordinal))),
                ("state_path", statePath ?? "(in memory: no home directory and no config file)"),
                .. profile.ToRedactedPairs().Where(kv => kv.Key != "name" && kv.Key != "state_path").Select(kv => (kv.Key, kv.Value)),
            ]));
        });

        var profileName = Cmd.NameArgument("name", "Profile name");
        var setProfile = Cmd.New("set-default-profile", "Set default_profile (used when no profile is active or given)", profileName).Runs(s, p =>
            Edit(s, "default_profile", p.GetValue(profileName)!, store => store.SetDefaultProfile(p.GetValue(profileName)!)));

        var orgName = Cmd.NameArgument("org", "Organization name or id");
        var setOrg = Cmd.New("set-default-org", "Set preferences.default_org", orgName).Runs(s, p =>
            Edit(s, "default_org", p.GetValue(orgName)!, store => store.SetDefaultOrg(p.GetValue(orgName)!)));

        var regionName = Cmd.NameArgument("region-name", "Region, e.g. us-central-dfw-1");
        var setRegion = Cmd.New("set-default-region", "Set preferences.default_region", regionName).Runs(s, p =>
            Edit(s, "default_region", p.GetValue(regionName)!, store => store.SetDefaultRegion(p.GetValue(regionName)!)));

        return Cmd.Group("config", "The config file, state.db and the command history in it", info, setProfile, setOrg, setRegion, HistoryCommands(s), StateCommands.Create(s));
    }

    // config info prints the history's size as the Python rsspot does; a state.db that cannot be read counts none.
    private static (int Count, int Limit) HistoryCount(CliSession s)
    {
        try
        {
            using var store = s.OpenState();
            var info = store.History.Info();
            return (info.Count, info.Limit);
        }
        catch (State.StateStoreException)
        {
            return (0, 0);
        }
    }

    private static void Edit(CliSession s, string key, string value, Action<Configuration.ConfigStore> change)
    {
        var store = Configuration.ConfigStore.Update(s.WritableConfigPath(), change);
        s.Output.Write(new JsonObject { [key] = value, ["path"] = store.Path }, () => TableView.Pairs([(key, value), ("path", store.Path)]));
    }

    private static Command HistoryCommands(CliSession s)
    {
        var info = Cmd.New("info", "Count and time range of the recorded commands").Runs(s, _ =>
        {
            using var store = s.OpenState();
            var history = store.History.Info();
            var json = new JsonObject
            {
                ["count"] = history.Count,
                ["oldest"] = history.Oldest?.ToString("O", CultureInfo.InvariantCulture),
                ["newest"] = history.Newest?.ToString("O", CultureInfo.InvariantCulture),
                ["database"] = history.DatabasePath,
                ["limit"] = history.Limit,
            };
            s.Output.Write(json, () => TableView.Pairs(json.Select(kv => (kv.Key, (string?)JsonModels.Text(new JsonObject { ["v"] = kv.Value?.DeepClone() }, "v")))));
        });

        var limit = new Option<int>("--limit", "-n") { Description = "How many (newest first)", DefaultValueFactory = _ => 20 };
        var list = Cmd.New("list", "The most recent commands (arguments redacted)", limit).Runs(s, p =>
        {
            var n = p.GetValue(limit);
            if (n < 1)
            {
                throw new CliUsageException($"--limit: {n} is invalid; give 1 or more.");
            }

            using var store = s.OpenState();
            var entries = store.History.List(n);
            var json = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["command"] = e.Command,
                ["args"] = new JsonArray([.. e.Args.Select(a => (JsonNode)a)]),
                ["exit_code"] = e.ExitCode,
                ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
                ["duration_ms"] = e.Duration is { } d ? (long)d.TotalMilliseconds : null,
            })]);
            s.Output.Write(json, () =>
            {
                var table = new TableView("ID", "AT", "EXIT", "MS", "ARGS");
                foreach (var e in entries)
                {
                    table.Add(e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), e.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-", e.Duration is { } d ? ((long)d.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "-", string.Join(' ', e.Args));
                }

                return table;
            });
        });

        var yes = Cmd.Yes();
        var clear = Cmd.New("clear", "Delete the recorded commands", yes).Runs(s, p =>
        {
            using var store = s.OpenState();
            s.Confirm($"Clear the command history in {store.DisplayPath}", p.GetValue(yes), unattendedAsPython: true);
            var removed = store.History.Clear();
            s.Output.Write(new JsonObject { ["removed"] = removed }, () => TableView.Pairs([("removed", removed.ToString(CultureInfo.InvariantCulture))]));
        });

        return Cmd.Group("history", "Commands recorded in state.db (command_history, redacted)", info, list, clear);
    }
}
