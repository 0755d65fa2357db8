using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary>
/// <c>nodepools spot|ondemand list|get|create|update|delete</c>. A new subcommand of <c>nodepools</c> is one line
/// in <see cref="Create"/>; a new verb of both kinds one line in <see cref="Kind"/>.
/// </summary>
internal static class NodePoolsCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "nodepools",
        "Node pools of cloudspaces: spot (auction-priced) and on-demand",
        Kind(session, PoolKind.Spot),
        Kind(session, PoolKind.OnDemand),
        Autopilot.AutopilotCommand.Create(session));

    private static Command Kind(CliSession session, PoolKind kind) => Cmd.Group(
        kind.IsSpot ? "spot" : "ondemand",
        kind.IsSpot ? "Spot node pools (you bid per node-hour)" : "On-demand node pools (fixed price)",
        ListCommand.Create(session, kind),
        GetCommand.Create(session, kind),
        CreateCommand.Create(session, kind),
        UpdateCommand.Create(session, kind),
        DeleteCommand.Create(session, kind));

    internal static Option<string?> CloudspaceOption(bool required = false) =>
        new("--cloudspace") { Description = "Cloudspace the pool belongs to", Required = required, HelpName = "name" };

    internal static NameInput PoolName() => new("name", "pool name (a lower-case UUID)");
}
