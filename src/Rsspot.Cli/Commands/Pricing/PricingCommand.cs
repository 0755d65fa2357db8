using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary><c>pricing list|get|history|compare|build|watch|guard</c>.</summary>
internal static class PricingCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "pricing",
        "Market prices, history, hyperscaler comparison and the cluster builder",
        ListCommand.Create(session),
        GetCommand.Create(session),
        HistoryCommand.Create(session),
        CompareCommand.Create(session),
        BuildCommand.Create(session),
        WatchCommand.Create(session),
        Cmd.Group("guard", "The bid guard's record of applied bid changes", GuardHistoryCommand.Create(session)));
}
