using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Config;

/// <summary><c>config set-default-org ORG</c>: set preferences.default_org.</summary>
internal static class SetDefaultOrgCommand
{
    /// <param name="Name">The organization name or id.</param>
    internal sealed record Options(string Name);

    public static Command Create(CliSession session)
    {
        var name = Cmd.NameArgument("org", "Organization name or id");
        return Cmd.New("set-default-org", "Set preferences.default_org", name).Runs(session, p => Run(new Options(p.GetValue(name)!), session));
    }

    public static void Run(Options options, CliSession session) =>
        DefaultSetting.Write(session, "default_org", options.Name, store => store.SetDefaultOrg(options.Name));
}
