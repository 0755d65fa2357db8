using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary><c>pricing guard history [--limit] [--pool]</c>: the bid changes the guard applied, newest first.</summary>
internal static class GuardHistoryCommand
{
    /// <param name="Limit">At most this many changes (1 or more).</param>
    /// <param name="Pool">Only this pool's changes (null: all).</param>
    internal sealed record Options(int Limit, string? Pool);

    public static Command Create(CliSession session)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "Show at most this many changes", DefaultValueFactory = _ => 50 };
        var pool = new Option<string?>("--pool") { Description = "Only this pool's changes", HelpName = "name" };
        return Cmd.New("history", "Bid changes the guard applied (newest first), from state.db", limit, pool).Runs(session, p =>
        {
            if (p.GetValue(limit) < 1)
            {
                throw new CliUsageException($"--limit: {p.GetValue(limit)} is invalid; give 1 or more.");
            }

            Run(new Options(p.GetValue(limit), p.GetValue(pool)), session);
        });
    }

    public static void Run(Options options, CliSession session)
    {
        using var state = session.OpenState();
        var changes = state.BidChanges.List(options.Limit, options.Pool);
        session.Output.Write(new JsonArray([.. changes.Select(c => (JsonNode)GuardJson.Change(c))]), () =>
        {
            var table = new TableView("AT (UTC)", "CLOUDSPACE", "POOL", "CLASS", "OLD BID", "NEW BID", "MARKET", "STATUS", "REASON");
            foreach (var c in changes)
            {
                table.Add(c.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), c.Cloudspace, c.Pool, c.ServerClass, JsonModels.Money(c.OldBid), JsonModels.Money(c.NewBid), JsonModels.Money(c.Market), c.Status, c.Reason);
            }

            return table;
        });
    }
}
