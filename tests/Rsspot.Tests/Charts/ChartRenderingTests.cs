using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>
/// The charts drawn by librsvg (<c>rsvg-convert</c>, Debian's librsvg2-bin, as GNOME and many CI image tools draw
/// SVG); skipped without it.
/// </summary>
public sealed class ChartRenderingTests(EmulatorFixture fixture) : ChartRenderingChecks(fixture, RsvgConvert.Instance);
