using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Config;

/// <summary><c>config set-default-region REGION_NAME</c>: set preferences.default_region.</summary>
internal static class SetDefaultRegionCommand
{
    /// <param name="Name">The region.</param>
    internal sealed record Options(string Name);

    public static Command Create(CliSession session)
    {
        var name = Cmd.NameArgument("region-name", "Region, e.g. us-central-dfw-1");
        return Cmd.New("set-default-region", "Set preferences.default_region", name).Runs(session, p => Run(new Options(p.GetValue(name)!), session));
    }

    public static void Run(Options options, CliSession session) =>
        DefaultSetting.Write(session, "default_region", options.Name, store => store.SetDefaultRegion(options.Name));
}
