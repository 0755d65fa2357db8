using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Regions;

/// <summary><c>regions list|get</c>.</summary>
internal static class RegionsCommand
{
    public static Command Create(CliSession session) =>
        Cmd.Group("regions", "Regions where cloudspaces run", ListCommand.Create(session), GetCommand.Create(session));
}
