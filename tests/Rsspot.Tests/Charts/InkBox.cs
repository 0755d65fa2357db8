namespace Rsspot.Tests.Charts;

/// <summary>The smallest rectangle of pixels holding a drawing's ink, edges included.</summary>
internal readonly record struct InkBox(int Left, int Top, int Right, int Bottom);
