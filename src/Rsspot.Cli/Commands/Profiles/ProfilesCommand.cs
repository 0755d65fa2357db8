using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Profiles;

/// <summary><c>profiles list|show|use|delete</c>.</summary>
internal static class ProfilesCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "profiles",
        "Profiles of the config file (one per account or environment)",
        ListCommand.Create(session),
        ShowCommand.Create(session),
        UseCommand.Create(session),
        DeleteCommand.Create(session));
}
