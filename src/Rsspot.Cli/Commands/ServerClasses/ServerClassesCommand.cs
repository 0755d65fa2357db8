using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.ServerClasses;

/// <summary><c>server-classes list|get</c> with region, category and availability filters.</summary>
internal static class ServerClassesCommand
{
    internal const string GroupName = "server-classes";

    public static Command Create(CliSession session) =>
        Cmd.Group(GroupName, "Server classes (machine sizes) with resources and prices", ListCommand.Create(session), GetCommand.Create(session));
}
