using System.Net;
using System.Text.Json;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Charts;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>), run as a child process: a page loads the SVG as an image, as a
/// browser shows it in a README or an <c>&lt;img&gt;</c>, draws it on a canvas and measures the ink; the page's DOM
/// (<c>--dump-dom</c>) carries the measurements back.
/// </summary>
internal sealed class HeadlessChromium : IChartRenderer
{
    private const string ResultStart = "<pre id=\"result\">";

    private static readonly string? Executable = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium" }.FirstOrDefault(File.Exists);

    public static HeadlessChromium Instance { get; } = new();

    public bool IsInstalled => Executable is not null;

    public string SkipReason => "chromium is not installed (Debian: apt-get install chromium; .ci/run installs it).";

    public async Task<ChartRender> RenderAsync(string svg, string name, IReadOnlyList<string> texts, int width, int height)
    {
        using var work = new TempDirectory();
        var page = Path.Combine(work.Path, "chart.html");
        await File.WriteAllTextAsync(page, Page(svg, texts, width, height));
        var result = await LocalPackageFeed.RunAsync(
            Executable!,
            work.Path,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--user-data-dir=" + Path.Combine(work.Path, "profile"),
            "--virtual-time-budget=60000",
            "--dump-dom",
            new Uri(page).AbsoluteUri);
        Assert.True(result.ExitCode == 0, $"chromium failed ({result.ExitCode}): {result.Stderr}");
        var start = result.Stdout.IndexOf(ResultStart, StringComparison.Ordinal);
        var end = result.Stdout.IndexOf("</pre>", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"chromium printed no measurements:\n{result.Stdout}\n{result.Stderr}");
        var json = WebUtility.HtmlDecode(result.Stdout[(start + ResultStart.Length)..end]);
        Assert.True(json.StartsWith('{'), $"{name}: the page did not measure the chart: {json}");
        if (Environment.GetEnvironmentVariable("RSSPOT_CHART_RENDERS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            await File.WriteAllTextAsync(Path.Combine(keep, name + ".chromium.html"), Page(svg, texts, width, height));
        }

        using var measured = JsonDocument.Parse(json);
        var root = measured.RootElement;
        return new ChartRender(Box(root.GetProperty("whole")), [.. root.GetProperty("texts").EnumerateArray().Select(Box)]);
    }

    private static InkBox? Box(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : new InkBox(element[0].GetInt32(), element[1].GetInt32(), element[2].GetInt32(), element[3].GetInt32());

    /// <summary>
    /// The measuring page. Ink is a pixel that differs from white by more than a trace of anti-aliasing, the same
    /// threshold as <see cref="PngImage.IsInk"/>.
    /// </summary>
    private static string Page(string svg, IReadOnlyList<string> texts, int width, int height) => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>chart</title></head><body>
        <pre id="result">pending</pre>
        <script>
        const source = {{JsonSerializer.Serialize(svg)}};
        const texts = {{JsonSerializer.Serialize(texts)}};
        const width = {{width}}, height = {{height}};
        function load(text) {
          return new Promise((resolve, reject) => {
            const image = new Image();
            image.onload = () => resolve(image);
            image.onerror = () => reject(new Error('the SVG did not load as an image'));
            image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
          });
        }
        async function ink(text) {
          const image = await load(text);
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const g = canvas.getContext('2d', { willReadFrequently: true });
          g.fillStyle = '#ffffff';
          g.fillRect(0, 0, width, height);
          g.drawImage(image, 0, 0, width, height);
          const d = g.getImageData(0, 0, width, height).data;
          let left = width, top = height, right = -1, bottom = -1;
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              const i = (y * width + x) * 4;
              if (d[i] < 232 || d[i + 1] < 232 || d[i + 2] < 232) {
                if (x < left) left = x;
                if (x > right) right = x;
                if (y < top) top = y;
                if (y > bottom) bottom = y;
              }
            }
          }
          return right < 0 ? null : [left, top, right, bottom];
        }
        (async () => {
          const result = document.getElementById('result');
          try {
            const whole = await ink(source);
            const inks = [];
            for (const text of texts) {
              inks.push(await ink(`<svg width="${width}" height="${height}" version="1.1" xmlns="http://www.w3.org/2000/svg">${text}</svg>`));
            }
            result.textContent = JSON.stringify({ whole, texts: inks });
          } catch (e) {
            result.textContent = 'error: ' + e;
          }
        })();
        </script>
        </body></html>
        """;
}
