namespace Rsspot.Tests.Charts;

/// <summary>A program that draws SVG as its users see it (librsvg, a browser).</summary>
internal interface IChartRenderer
{
    /// <summary>True when the program is on this machine; the tests report skipped otherwise.</summary>
    bool IsInstalled { get; }

    /// <summary>Why the tests are skipped when the program is missing, and how to install it.</summary>
    string SkipReason { get; }

    /// <summary>Draws the chart and each text element of <paramref name="texts"/> alone (a white image of the chart's size).</summary>
    Task<ChartRender> RenderAsync(string svg, string name, IReadOnlyList<string> texts, int width, int height);
}
