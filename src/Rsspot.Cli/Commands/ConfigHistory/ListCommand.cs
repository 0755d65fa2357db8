using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.State;

namespace Rsspot.Cli.Commands.ConfigHistory;

/// <summary><c>config history list [--limit N]</c>: the most recent commands, newest first.</summary>
internal static class ListCommand
{
    /// <param name="Limit">How many to show (1 or more).</param>
    internal sealed record Options(int Limit);

    public static Command Create(CliSession session)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many (newest first)", DefaultValueFactory = _ => 20 };
        return Cmd.New("list", "The most recent commands (arguments redacted)", limit).Runs(session, p => Run(new Options(p.GetValue(limit)), session));
    }

    public static void Run(Options options, CliSession session)
    {
        if (options.Limit < 1)
        {
            throw new CliUsageException($"--limit: {options.Limit} is invalid; give 1 or more.");
        }

        using var store = session.OpenState();
        var entries = store.History.List(options.Limit);
        session.Output.Write(HistoryJson.List(entries), () => Table(entries));
    }

    private static TableView Table(IEnumerable<HistoryEntry> entries)
    {
        var table = new TableView("ID", "AT", "EXIT", "MS", "ARGS");
        foreach (var e in entries)
        {
            table.Add(e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), e.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-", e.Duration is { } d ? ((long)d.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "-", string.Join(' ', e.Args));
        }

        return table;
    }
}
