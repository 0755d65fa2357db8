using System.CommandLine;
using System.Runtime.CompilerServices;
using Rsspot.Cli.Infrastructure;
using Rsspot.Pricing;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary>
/// <c>--plot</c> of <c>pricing history</c> and <c>pricing compare</c>: the charts of Rsspot.Charts written as SVG.
/// Called only when <c>--plot</c> is given and never inlined, so the plotting assemblies load only then.
/// </summary>
internal static class PricingPlots
{
    public static Option<string?> PlotOption(string what) => new("--plot")
    {
        Description = $"Write {what} as an SVG chart ({PriceChart.DefaultWidth}x{PriceChart.DefaultHeight}) to this file instead of printing it; SVG only",
        HelpName = "file.svg",
    };

    /// <summary>Refuses anything but an .svg path before any request is made.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void EnsureSvg(string path)
    {
        try
        {
            PriceChart.EnsureSvgPath(path);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException("--plot: " + ex.Message.Replace(" (Parameter 'path')", string.Empty, StringComparison.Ordinal));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task WriteHistoryAsync(CliSession s, string serverClass, string? cloudspace, string path, CancellationToken ct)
    {
        var chart = await s.Client.GetPriceHistoryChartAsync(serverClass, cloudspace, ct).ConfigureAwait(false);
        Save(s, chart, path);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task WriteCompareAsync(CliSession s, IReadOnlyList<string> serverClasses, string path, CancellationToken ct)
    {
        var chart = await s.Client.GetPriceCompareChartAsync(serverClasses, ct).ConfigureAwait(false);
        Save(s, chart, path);
    }

    private static void Save(CliSession s, PriceChart chart, string path)
    {
        chart.Save(path);
        s.Err.WriteLine($"Wrote {chart.Title} to {path}");
    }
}
