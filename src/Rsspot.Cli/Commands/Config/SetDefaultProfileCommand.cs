using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Config;

/// <summary><c>config set-default-profile NAME</c>: set default_profile (used when no profile is active or given).</summary>
internal static class SetDefaultProfileCommand
{
    /// <param name="Name">The profile.</param>
    internal sealed record Options(string Name);

    public static Command Create(CliSession session)
    {
        var name = Cmd.NameArgument("name", "Profile name");
        return Cmd.New("set-default-profile", "Set default_profile (used when no profile is active or given)", name).Runs(session, p => Run(new Options(p.GetValue(name)!), session));
    }

    public static void Run(Options options, CliSession session) =>
        DefaultSetting.Write(session, "default_profile", options.Name, store => store.SetDefaultProfile(options.Name));
}
