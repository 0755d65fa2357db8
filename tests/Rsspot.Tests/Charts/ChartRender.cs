namespace Rsspot.Tests.Charts;

/// <summary>
/// What a renderer drew: the ink of the whole chart and, in the order given, the ink of each of its texts drawn
/// alone on a blank image of the chart's size (null where a text draws nothing).
/// </summary>
internal sealed record ChartRender(InkBox? Whole, IReadOnlyList<InkBox?> Texts);
