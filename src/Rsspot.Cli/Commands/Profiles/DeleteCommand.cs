using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Configuration;

namespace Rsspot.Cli.Commands.Profiles;

/// <summary><c>profiles delete NAME [--yes]</c>: remove a profile from the config file.</summary>
internal static class DeleteCommand
{
    /// <param name="Name">The profile.</param>
    /// <param name="Yes">Do not ask.</param>
    internal sealed record Options(string Name, bool Yes);

    public static Command Create(CliSession session)
    {
        var name = Cmd.NameArgument("name", "Profile to delete");
        var yes = Cmd.Yes();
        return Cmd.New("delete", "Delete a profile from the config file", name, yes).Runs(session, p => Run(new Options(p.GetValue(name)!, p.GetValue(yes)), session));
    }

    public static void Run(Options options, CliSession session)
    {
        var name = options.Name;
        var path = session.WritableConfigPath();
        session.Confirm($"Delete profile '{name}' from {Path.GetFullPath(path)}", options.Yes, unattendedAsPython: true);
        var store = ConfigStore.Update(path, store =>
        {
            if (!store.DeleteProfile(name))
            {
                throw new ConfigException($"Profile '{name}' does not exist in '{store.Path}'. See 'rsspot profiles list'.", store.Path, "profiles." + name);
            }
        });
        session.Output.Write(new JsonObject { ["deleted"] = name, ["path"] = store.Path }, () => TableView.Pairs([("deleted", name), ("path", store.Path)]));
    }
}
