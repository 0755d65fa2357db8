using System.Globalization;

namespace Rsspot.Benchmarks;

/// <summary>
/// The regions list through the Python rsspot SDK against this SDK, on one emulator: the <see cref="ClientOverheadPaths"/>
/// (bare HttpClient, the SDK's handlers, the Kiota request builder, <c>client.Regions.ListAsync()</c>) in this
/// process and the Python client's <c>await client.regions.list()</c> in its own long-lived process
/// (<see cref="PythonRegionsClient"/>), each warmed up once, then measured in interleaved batches whose order rotates
/// each round. Per call: wall time and the CPU time (user + system) of the calling process over the batch; the
/// emulator runs in a third process. Both clients exchange the emulator's refresh token for an id_token once and send
/// it as the bearer on every call, with the response cache off; the Python one validates the body into its pydantic
/// models and returns name + description summaries, ours parses into the generated models.
/// The Python rsspot is not part of this repository: pass a directory holding its <c>rsspot</c> package (a checkout's
/// <c>src/</c> or a site-packages folder), or <c>installed</c> for the one the interpreter imports
/// (<c>pip install rsspot==0.3.0</c>); RSSPOT_PYTHON names the interpreter (default python3), and its dependencies
/// (httpx, pydantic 2, pydantic-settings, PyYAML, tomli-w) come from that interpreter or PYTHONPATH.
/// Run: dotnet Rsspot.Benchmarks.dll --python &lt;rsspot path|installed&gt; [calls per batch, default 50] [rounds, default 40];
/// RSSPOT_BENCH_SAMPLES=&lt;file.csv&gt; also writes every batch's figures.
/// </summary>
internal static class PythonCompareHarness
{
    private const string PythonPath = "PythonRsspot";

    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] args)
    {
        if (args.Length == 0 || (args[0] != "installed" && !Directory.Exists(Path.Combine(args[0], "rsspot"))))
        {
            await Console.Error.WriteLineAsync(
                "usage: Rsspot.Benchmarks --python <dir holding the rsspot package|installed> [calls per batch] [rounds]\n"
                + "  get the Python SDK with `pip install rsspot==0.3.0` (then pass `installed`, or its site-packages folder),\n"
                + "  or from a checkout of its repository at tag v0.3.0 (pass the checkout's src/); RSSPOT_PYTHON picks the interpreter.");
            Environment.ExitCode = 2;
            return;
        }

        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        var interpreter = Environment.GetEnvironmentVariable("RSSPOT_PYTHON") is { Length: > 0 } p ? p : "python3";

        try
        {
            await MeasureAsync(args[0], calls, rounds, interpreter);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            Environment.ExitCode = 1;
        }
    }

    private static async Task MeasureAsync(string source, int calls, int rounds, string interpreter)
    {
        Console.WriteLine($"load before: {LoadAverage()}");
        var bench = new ClientOverheadBenchmarks();
        await bench.SetupAsync();
        try
        {
            await using var python = await PythonRegionsClient.StartAsync(interpreter, source, bench.EmulatorBaseUrl, warmupCalls: 500);
            Console.WriteLine($"Python client: {python.Versions}; .NET {Environment.Version}");
            var ours = await bench.Paths[0].Call();
            if (python.Regions != ours)
            {
                throw new InvalidOperationException($"The Python client listed {python.Regions} regions, ours {ours}.");
            }

            // Warm-up of this process's paths: connection pools, token and the JIT's tiers. On a loaded machine the
            // background tier-up runs late, and its compilations would land in the first measured rounds: warm up for
            // a minimum time as well as a minimum count.
            var warmup = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 20 || warmup.Elapsed < WarmupTime; i++)
            {
                foreach (var (_, call) in bench.Paths)
                {
                    await ClientOverheadCpuHarness.Batch(call, 50);
                }
            }

            var paths = bench.Paths
                .Select(path => (path.Name, Run: (Func<Task<ClientOverheadCpuHarness.Sample>>)(() => ClientOverheadCpuHarness.Batch(path.Call, calls))))
                .Append((Name: PythonPath, Run: () => python.BatchAsync(calls)))
                .ToArray();
            var samples = paths.Select(_ => new List<ClientOverheadCpuHarness.Sample>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < paths.Length; i++)
                {
                    var at = (i + round) % paths.Length;
                    samples[at].Add(await paths[at].Run());
                }
            }

            Report(calls, rounds, python.Regions, paths.Select(x => x.Name).ToArray(), samples);
            if (Environment.GetEnvironmentVariable("RSSPOT_BENCH_SAMPLES") is { Length: > 0 } csv)
            {
                await File.WriteAllLinesAsync(csv, samples.SelectMany((s, p) => s.Select((x, r) => string.Create(CultureInfo.InvariantCulture, $"{paths[p].Name},{r},{x.WallUs:F2},{x.CpuUs:F2},{x.Bytes:F0}"))).Prepend("path,round,wall_us,cpu_us,alloc_b"));
                Console.WriteLine($"per-round samples: {csv}");
            }
        }
        finally
        {
            await bench.CleanupAsync();
            Console.WriteLine($"load after: {LoadAverage()}");
        }
    }

    private static void Report(int calls, int rounds, int regions, string[] names, List<ClientOverheadCpuHarness.Sample>[] samples)
    {
        var py = samples[^1];
        var bare = samples[0];
        Console.WriteLine($"emulator on loopback, {regions} regions per list: {calls} calls x {rounds} rounds per path, interleaved; per call, means over all rounds.");
        Console.WriteLine("py/x: how many times the Python client's wall or CPU time per call this path's is (means; \"med\": median of the per-round ratios);");
        Console.WriteLine("x/bare: this path's CPU per call over the bare HttpClient's (means). CPU is the calling process's user + system time.");
        Console.WriteLine("med us: the median over rounds of the per-call CPU time (outlier rounds, such as a collection or a preempted batch, move the means).");
        Console.WriteLine($"{"path",-24}{"wall us",9}{"cpu us",9}{"med us",8}{"alloc B",9}{"py/x wall",10}{"py/x cpu",9}{"med wall",9}{"med cpu",8}{"cpu/bare",9}");
        for (var p = 0; p < names.Length; p++)
        {
            var s = samples[p];
            Console.WriteLine(
                $"{names[p],-24}{Mean(x => x.WallUs, s),9:F1}{Mean(x => x.CpuUs, s),9:F1}{ClientOverheadCpuHarness.Median(s.Select(x => x.CpuUs)),8:F1}{(double.IsNaN(s[0].Bytes) ? "-" : Mean(x => x.Bytes, s).ToString("F0", CultureInfo.InvariantCulture)),9}"
                + $"{Mean(x => x.WallUs, py) / Mean(x => x.WallUs, s),10:F2}{Mean(x => x.CpuUs, py) / Mean(x => x.CpuUs, s),9:F2}"
                + $"{ClientOverheadCpuHarness.Median(s.Select((x, r) => py[r].WallUs / x.WallUs)),9:F2}{ClientOverheadCpuHarness.Median(s.Select((x, r) => py[r].CpuUs / x.CpuUs)),8:F2}"
                + $"{Mean(x => x.CpuUs, s) / Mean(x => x.CpuUs, bare),9:F2}");
        }

        static double Mean(Func<ClientOverheadCpuHarness.Sample, double> f, List<ClientOverheadCpuHarness.Sample> of) => of.Sum(f) / of.Count;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
