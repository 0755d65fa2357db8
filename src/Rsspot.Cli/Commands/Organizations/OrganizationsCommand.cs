using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Organizations;

/// <summary><c>organizations list|get</c>.</summary>
internal static class OrganizationsCommand
{
    public static Command Create(CliSession session) =>
        Cmd.Group("organizations", "Organizations (an org scopes cloudspaces and node pools)", ListCommand.Create(session), GetCommand.Create(session));
}
