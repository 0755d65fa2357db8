using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>The charts drawn by a browser (headless Chromium, Debian's chromium); skipped without it.</summary>
public sealed class ChromiumChartRenderingTests(EmulatorFixture fixture) : ChartRenderingChecks(fixture, HeadlessChromium.Instance);
