using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Pricing;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary><c>pricing compare CLASS... [--plot file.svg]</c>: hyperscaler prices comparable to server classes.</summary>
internal static class CompareCommand
{
    /// <param name="ServerClasses">The server classes.</param>
    /// <param name="Plot">The SVG file to draw their histories to, or null to print.</param>
    internal sealed record Options(IReadOnlyList<string> ServerClasses, string? Plot);

    public static Command Create(CliSession session)
    {
        var names = new Argument<string[]>("class") { Description = "Server classes, e.g. gp.vs1.medium-dfw", Arity = ArgumentArity.OneOrMore };
        var plot = PricingPlots.PlotOption("the classes' hammer price histories on one chart");
        return Cmd.New("compare", "Hyperscaler prices comparable to server classes (--plot: their price histories on one chart)", names, plot)
            .Runs(session, (p, ct) => RunAsync(new Options(p.GetValue(names)!, p.GetValue(plot)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (options.Plot is { } plotPath)
        {
            PricingPlots.EnsureSvg(plotPath);
            await PricingPlots.WriteCompareAsync(session, options.ServerClasses, plotPath, ct).ConfigureAwait(false);
            return;
        }

        var rows = new List<PriceRow>();
        foreach (var name in options.ServerClasses.Distinct(StringComparer.Ordinal))
        {
            rows.AddRange(await session.Client.Pricing.GetAsync(name, ct).ConfigureAwait(false));
        }

        var json = PriceJson.Comparables(rows);
        session.Output.Write(json, () =>
        {
            var table = new TableView("REGION", "CLOUD", "CLASS", "PRICE/H", "SPOT MARKET/H", "SAVING");
            foreach (var r in rows)
            {
                foreach (var c in r.Comparables)
                {
                    table.Add(r.Region, c.Cloud, c.ClassName, JsonModels.Money(c.PricePerHour), JsonModels.Money(r.MarketPerHour), Saving(r.MarketPerHour, c.PricePerHour));
                }

                table.Add(r.Region, "average", string.Empty, JsonModels.Money(r.HyperscalerAverage), JsonModels.Money(r.MarketPerHour), Saving(r.MarketPerHour, r.HyperscalerAverage));
            }

            return table;
        });
    }

    private static string Saving(decimal? spot, decimal? other) =>
        spot is { } a && other is { } b && b > 0 ? ((1 - (a / b)) * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : string.Empty;
}
