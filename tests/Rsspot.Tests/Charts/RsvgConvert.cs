using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>librsvg's command-line renderer (<c>rsvg-convert</c>, Debian's librsvg2-bin), run as a child process.</summary>
internal sealed class RsvgConvert : IChartRenderer
{
    public static RsvgConvert Instance { get; } = new();

    public bool IsInstalled { get; } = File.Exists("/usr/bin/rsvg-convert") || File.Exists("/usr/local/bin/rsvg-convert");

    public string SkipReason => "rsvg-convert is not installed (Debian: apt-get install librsvg2-bin; .ci/run installs it).";

    public async Task<ChartRender> RenderAsync(string svg, string name, IReadOnlyList<string> texts, int width, int height)
    {
        var whole = await RenderAsync(svg, name);
        Assert.Equal((width, height), (whole.Width, whole.Height));
        var inks = new List<InkBox?>();
        foreach (var text in texts)
        {
            var alone = $"""<svg width="{width}" height="{height}" version="1.1" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="{width}" height="{height}" style="fill:rgb(255,255,255)" />{text}</svg>""";
            inks.Add(Ink(await RenderAsync(alone, null)));
        }

        return new ChartRender(Ink(whole), inks);
    }

    private static InkBox? Ink(PngImage image) => image.InkBounds() is { } b ? new InkBox(b.Left, b.Top, b.Right, b.Bottom) : null;

    /// <summary>Renders the SVG to a PNG; with <c>RSSPOT_CHART_RENDERS</c> set, also keeps named renders in that folder.</summary>
    private static async Task<PngImage> RenderAsync(string svg, string? name)
    {
        using var work = new TempDirectory();
        var input = Path.Combine(work.Path, "chart.svg");
        var output = Path.Combine(work.Path, "chart.png");
        await File.WriteAllTextAsync(input, svg);
        var result = await LocalPackageFeed.RunAsync("rsvg-convert", work.Path, "-f", "png", "-o", output, input);
        Assert.True(result.ExitCode == 0, $"rsvg-convert failed: {result.Stderr}");
        if (name is not null && Environment.GetEnvironmentVariable("RSSPOT_CHART_RENDERS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(output, Path.Combine(keep, name + ".png"), overwrite: true);
            File.Copy(input, Path.Combine(keep, name + ".svg"), overwrite: true);
        }

        return PngImage.Read(await File.ReadAllBytesAsync(output));
    }
}
