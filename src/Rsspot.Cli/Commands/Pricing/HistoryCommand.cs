using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary><c>pricing history CLASS [--last n] [--plot file.svg [--cloudspace]]</c>.</summary>
internal static class HistoryCommand
{
    /// <param name="ServerClass">The server class.</param>
    /// <param name="Last">How many points the table shows.</param>
    /// <param name="LastFlag">The spelling of the --last flag as typed (for messages).</param>
    /// <param name="Plot">The SVG file to draw to, or null to print.</param>
    /// <param name="Cloudspace">With a plot: the cloudspace whose bids are drawn.</param>
    internal sealed record Options(string ServerClass, int Last, string LastFlag, string? Plot, string? Cloudspace);

    public static Command Create(CliSession session)
    {
        var name = Cmd.NameArgument("class", "Server class, e.g. gp.vs1.medium-dfw");
        var last = new Option<int>("--last", "-n") { Description = "Show the last n points in the table", DefaultValueFactory = _ => 20 };
        var plot = PricingPlots.PlotOption("the history with its percentiles, the market price and the --cloudspace bids");
        var cloudspace = new Option<string?>("--cloudspace") { Description = "With --plot: draw the bids of this cloudspace's spot pools on the class" };
        return Cmd.New("history", "Hammer price history of a server class, with a sparkline (--plot draws it)", name, last, plot, cloudspace)
            .Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(name)!, p.GetValue(last), p.TypedName(last), p.GetValue(plot), p.GetValue(cloudspace)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (options.Last < 1)
        {
            throw new CliUsageException($"{options.LastFlag}: {options.Last} is invalid; give how many points to show, 1 or more.");
        }

        if (options.Plot is { } plotPath)
        {
            PricingPlots.EnsureSvg(plotPath);
            await PricingPlots.WriteHistoryAsync(session, options.ServerClass, options.Cloudspace, plotPath, ct).ConfigureAwait(false);
            return;
        }

        if (options.Cloudspace is not null)
        {
            throw new CliUsageException("--cloudspace: draws bids on a chart, so it needs --plot <file.svg>.");
        }

        var history = await session.Client.Pricing.GetHistoryAsync(options.ServerClass, ct).ConfigureAwait(false);
        var summary = history.Summary;
        var json = PriceJson.History(history, history.Points);
        session.Output.Write(json, () =>
        {
            session.Output.Raw(summary is null
                ? $"{history.ServerClass}: no price history\n"
                : $"{history.ServerClass}  {history.Sparkline()}  min {JsonModels.Money(summary.Min)}  max {JsonModels.Money(summary.Max)}  mean {JsonModels.Money(summary.Mean)}  last {JsonModels.Money(summary.Last)}\n");
            var table = new TableView("AT (UTC)", "HAMMER/H");
            foreach (var pt in history.Points.TakeLast(options.Last))
            {
                table.Add(pt.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), JsonModels.Money(pt.HammerPerHour));
            }

            return table;
        });
    }
}
