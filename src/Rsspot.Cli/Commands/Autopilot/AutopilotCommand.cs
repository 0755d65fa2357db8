using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary><c>nodepools autopilot list|get|create|update|delete</c>.</summary>
internal static class AutopilotCommand
{
    public const string Noun = "autopilot node pool";

    public static Command Create(CliSession s) => Cmd.Group(
        "autopilot",
        "Autopilot node pools (a vCPU target and an hourly budget; Spot fills them with spot pools of the cheapest classes)",
        ListCommand.Create(s),
        GetCommand.Create(s),
        CreateCommand.Create(s),
        UpdateCommand.Create(s),
        DeleteCommand.Create(s));

    public static NameInput PoolName() => new("name", "autopilot pool name");

    public static Option<string?> CloudspaceOption(bool required = false) =>
        new("--cloudspace") { Description = "Cloudspace the pool belongs to", Required = required, HelpName = "name" };
}
