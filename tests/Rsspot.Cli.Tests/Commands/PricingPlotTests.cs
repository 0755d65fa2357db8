using System.Xml;
using System.Xml.Linq;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands;

/// <summary><c>pricing history --plot</c> and <c>pricing compare --plot</c>: SVG files from the emulator's prices.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PricingPlotTests : IClassFixture<CliFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private readonly CliFixture _cli;

    public PricingPlotTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task History_plot_writes_an_svg_with_the_cloudspace_bids()
    {
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", "plot-demo", "--region", "us-central-dfw-1")).ExitCode);
        var pool = (await _cli.JsonAsync("nodepools", "spot", "create", "--cloudspace", "plot-demo", "--serverclass", "gp.vs1.medium-dfw", "--bid-price", "0.013")).Node;
        var poolName = pool["metadata"]!["name"]!.GetValue<string>();
        var history = (await _cli.JsonAsync("pricing", "history", "gp.vs1.medium-dfw")).Node;
        var path = Path.Combine(_cli.Home, "history.svg");

        var result = await _cli.RunAsync("pricing", "history", "gp.vs1.medium-dfw", "--plot", path, "--cloudspace", "plot-demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
        var svg = Load(path);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("gp.vs1.medium-dfw: hammer price history", texts);
        Assert.Contains("Price (USD per node-hour)", texts);
        Assert.Contains("Time (UTC)", texts);
        Assert.Contains($"bid plot-demo/{poolName[..8]} $0.013", texts);
        var count = history["summary"]!["count"]!.GetValue<int>();
        Assert.Contains(svg.Descendants(Svg + "polyline"), l => l.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == count);
    }

    [Fact]
    public async Task Compare_plot_draws_each_class()
    {
        var path = Path.Combine(_cli.Home, "compare.svg");
        var result = await _cli.RunAsync("pricing", "compare", "gp.vs1.medium-dfw", "gp.vs1.large-dfw", "--plot", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var texts = Load(path).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("gp.vs1.medium-dfw", texts);
        Assert.Contains("gp.vs1.large-dfw", texts);
    }

    [Fact]
    public async Task Png_and_cloudspace_without_plot_are_usage_errors()
    {
        var png = Path.Combine(_cli.Home, "history.png");
        var result = await _cli.RunAsync("pricing", "history", "gp.vs1.medium-dfw", "--plot", png);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--plot", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("SVG only", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(png));

        var noPlot = await _cli.RunAsync("pricing", "history", "gp.vs1.medium-dfw", "--cloudspace", "plot-demo");
        Assert.Equal(2, noPlot.ExitCode);
        Assert.Contains("--cloudspace", noPlot.Stderr, StringComparison.Ordinal);
    }

    private static XDocument Load(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader);
    }
}
