using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Configuration;

namespace Rsspot.Cli.Commands.Profiles;

/// <summary><c>profiles use NAME</c>: make a profile the active one.</summary>
internal static class UseCommand
{
    /// <param name="Name">The profile.</param>
    internal sealed record Options(string Name);

    public static Command Create(CliSession session)
    {
        var name = Cmd.NameArgument("name", "Profile to make active");
        return Cmd.New("use", "Make a profile the active one", name).Runs(session, p => Run(new Options(p.GetValue(name)!), session));
    }

    public static void Run(Options options, CliSession session)
    {
        var name = options.Name;
        var store = ConfigStore.Update(session.WritableConfigPath(), store => store.SetActiveProfile(name));
        session.Output.Write(new JsonObject { ["active_profile"] = name, ["path"] = store.Path }, () => TableView.Pairs([("active_profile", name), ("path", store.Path)]));
    }
}
