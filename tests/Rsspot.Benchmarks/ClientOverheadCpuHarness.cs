using System.Diagnostics;
using System.Globalization;

namespace Rsspot.Benchmarks;

/// <summary>
/// Runs the <see cref="ClientOverheadBenchmarks"/> paths against the emulator in small interleaved batches (the order
/// rotating each round) and reports per call: wall time, CPU time of this process (the client's only: the emulator
/// runs in its own process; socket system calls, GC and thread-pool work included) and bytes allocated. Means are
/// totals over all rounds divided by calls; "med x" is the median over rounds of each round's ratio to
/// <see cref="ClientOverheadPaths.BareHttpClient"/>, so load from other processes, which comes and goes, hits
/// both sides of a ratio alike.
/// Idle thread-pool workers spin before sleeping, which counts as CPU and grows with wall time on a busy machine:
/// DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 leaves it out.
/// Run: dotnet Rsspot.Benchmarks.dll --cpu [memory] [calls per batch, default 25] [rounds, default 80]
/// </summary>
internal static class ClientOverheadCpuHarness
{
    public static async Task RunAsync(string[] args)
    {
        var inMemory = args is ["memory", ..];
        args = inMemory ? args[1..] : args;
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 25;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 80;
        ClientOverheadPaths bench = inMemory ? new ClientOverheadInMemoryBenchmarks() : new ClientOverheadBenchmarks();
        await bench.SetupAsync();
        try
        {
            await MeasureAsync(calls, rounds, inMemory ? "in-memory transport" : "emulator on loopback", bench.Paths);
        }
        finally
        {
            await bench.CleanupAsync();
        }
    }

    private static async Task MeasureAsync(int calls, int rounds, string against, (string Name, Func<Task<int>> Call)[] paths)
    {
        // Warm-up: JIT tiers, connection pools, token.
        for (var i = 0; i < 20; i++)
        {
            foreach (var (_, call) in paths)
            {
                await Batch(call, 50);
            }
        }

        var samples = paths.Select(_ => new List<Sample>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < paths.Length; i++)
            {
                var p = (i + round) % paths.Length;
                samples[p].Add(await Batch(paths[p].Call, calls));
            }
        }

        Console.WriteLine($"{against}: {calls} calls x {rounds} rounds per path, interleaved; per call: means, and the median of per-round ratios to {paths[0].Name}");
        Console.WriteLine($"{"path",-24}{"wall us",9}{"cpu us",9}{"alloc B",9}{"wall x",8}{"cpu x",8}{"alloc x",8}{"med wall x",11}{"med cpu x",10}");
        var bare = samples[0];
        for (var p = 0; p < paths.Length; p++)
        {
            var s = samples[p];
            static double Mean(Func<Sample, double> f, List<Sample> of) => of.Sum(f) / of.Count;
            Console.WriteLine(
                $"{paths[p].Name,-24}{Mean(x => x.WallUs, s),9:F1}{Mean(x => x.CpuUs, s),9:F1}{Mean(x => x.Bytes, s),9:F0}"
                + $"{Mean(x => x.WallUs, s) / Mean(x => x.WallUs, bare),8:F2}{Mean(x => x.CpuUs, s) / Mean(x => x.CpuUs, bare),8:F2}{Mean(x => x.Bytes, s) / Mean(x => x.Bytes, bare),8:F2}"
                + $"{Median(s.Select((x, r) => x.WallUs / bare[r].WallUs)),11:F2}{Median(s.Select((x, r) => x.CpuUs / bare[r].CpuUs)),10:F2}");
        }
    }

    /// <summary>Runs <paramref name="calls"/> calls one after another and returns wall, CPU and bytes per call.</summary>
    internal static async Task<Sample> Batch(Func<Task<int>> call, int calls)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var elapsed = Stopwatch.GetElapsedTime(wall);
        var cpuUsed = Environment.CpuUsage.TotalTime - cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return new Sample(elapsed.TotalMicroseconds / calls, cpuUsed.TotalMicroseconds / calls, (double)allocated / calls);
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>One batch, per call: wall time, CPU time of the measuring process, bytes allocated (NaN when not known).</summary>
    internal readonly record struct Sample(double WallUs, double CpuUs, double Bytes);
}
