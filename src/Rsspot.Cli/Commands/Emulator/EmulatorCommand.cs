using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Emulator;

/// <summary><c>emulator start</c>.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliSession session) =>
        Cmd.Group("emulator", "A local Spot API to try rsspot without an account", StartCommand.Create(session));
}
