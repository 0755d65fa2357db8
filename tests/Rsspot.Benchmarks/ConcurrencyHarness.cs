using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Rsspot.Configuration;

namespace Rsspot.Benchmarks;

/// <summary>
/// Many concurrent calls on one client: <c>client.Regions.ListAsync()</c> (cache off, the SDK's default transport with
/// its connection cap) against a bare <see cref="HttpClient"/> (default <see cref="SocketsHttpHandler"/>, no cap) with
/// System.Text.Json, each round in a fresh child process so that peak RSS is the path's own. Per path: wall time for
/// all calls, CPU time of the process, bytes allocated, peak RSS, and the connections open to the emulator at the
/// end (from /proc/self/net/tcp and tcp6), after a warm-up burst of a quarter as many calls. The emulator runs in its own process; paths alternate round by round.
/// Run: dotnet Rsspot.Benchmarks.dll --concurrent [calls, default 2000] [rounds, default 5]
/// </summary>
internal static class ConcurrencyHarness
{
    private static readonly string[] Paths = ["HttpClient", "HttpClient100", "SpotClient"];

    public static async Task RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        await using var emulator = await EmulatorProcess.StartAsync();
        var token = await emulator.ExchangeIdTokenAsync();
        var results = Paths.ToDictionary(p => p, _ => new List<RoundResult>());
        for (var round = 0; round < rounds + 1; round++)
        {
            var order = round % 2 == 0 ? Paths : [.. Paths.Reverse()];
            foreach (var path in order)
            {
                var result = await ChildAsync(path, emulator.BaseUrl, token, calls);
                if (round > 0)
                {
                    results[path].Add(result);
                }
            }
        }

        Console.WriteLine($"{calls} concurrent calls on one client, {rounds} rounds per path, each in a fresh process, interleaved (first round discarded); medians");
        Console.WriteLine($"{"path",-15}{"wall ms",9}{"cpu ms",9}{"alloc MB",10}{"peak RSS MB",13}{"connections",13}{"wall x",8}{"cpu x",8}{"RSS x",8}");
        var bare = results[Paths[0]];
        foreach (var path in Paths)
        {
            var s = results[path];
            Console.WriteLine(
                $"{path,-15}{Median(s, r => r.WallMs),9:F0}{Median(s, r => r.CpuMs),9:F0}{Median(s, r => r.AllocMb),10:F1}{Median(s, r => r.PeakRssMb),13:F1}{s.Max(r => r.Connections),13}"
                + $"{Median(s, r => r.WallMs) / Median(bare, r => r.WallMs),8:F2}{Median(s, r => r.CpuMs) / Median(bare, r => r.CpuMs),8:F2}{Median(s, r => r.PeakRssMb) / Median(bare, r => r.PeakRssMb),8:F2}");
        }
    }

    /// <summary>One round in this process (the child): prints one JSON line with the figures.</summary>
    public static async Task RunChildAsync(string[] args)
    {
        var (path, baseUrl, token, calls) = (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        var port = new Uri(baseUrl).Port;
        Func<Task<int>> call;
        IDisposable owner;
        string? stateDir = null;
        if (path.StartsWith("HttpClient", StringComparison.Ordinal))
        {
            var handler = path == "HttpClient100" ? new SocketsHttpHandler { MaxConnectionsPerServer = 100 } : new SocketsHttpHandler();
            var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            call = () => ClientOverheadPaths.CountRegionsAsync(http);
            owner = http;
        }
        else
        {
            stateDir = Directory.CreateTempSubdirectory("rsspot-concurrent-").FullName;
            var client = new SpotClient(SpotClientOptions.Isolated(baseUrl, "unused", EmulatorProcess.OrganizationName, stateDir) with
            {
                RefreshToken = null,
                AccessToken = token,
                NoCache = true,
            });
            call = async () => (await client.Regions.ListAsync()).Count;
            owner = client;
        }

        // Warm: token, connections and JIT, with a burst a quarter the size of the measured one.
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, calls / 4)).Select(_ => Task.Run(call)));

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(call)));
        var elapsed = Stopwatch.GetElapsedTime(wall);
        var cpuUsed = Environment.CpuUsage.TotalTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (counts.Any(c => c != counts[0] || c == 0))
        {
            throw new InvalidOperationException("A call answered a different region count.");
        }

        using var self = Process.GetCurrentProcess();
        var result = new RoundResult(elapsed.TotalMilliseconds, cpuUsed.TotalMilliseconds, allocated / 1048576.0, self.PeakWorkingSet64 / 1048576.0, OpenConnections(port));
        owner.Dispose();
        if (stateDir is not null)
        {
            Directory.Delete(stateDir, recursive: true);
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
    }

    private static async Task<RoundResult> ChildAsync(string path, string baseUrl, string token, int calls)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        info.ArgumentList.Add(typeof(ConcurrencyHarness).Assembly.Location);
        foreach (var arg in (string[])["--concurrent-child", path, baseUrl, token, calls.ToString(CultureInfo.InvariantCulture)])
        {
            info.ArgumentList.Add(arg);
        }

        using var child = Process.Start(info)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {path} round failed (exit {child.ExitCode}).");
        }

        return JsonSerializer.Deserialize<RoundResult>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>Established TCP connections of this process's network namespace to the port (IPv4 loopback).</summary>
    private static int OpenConnections(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        // Dual-mode sockets show IPv4 connections in tcp6 (as ::ffff:127.0.0.1).
        return new[] { "/proc/self/net/tcp", "/proc/self/net/tcp6" }.Where(File.Exists).SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => f.Length > 3 && f[2].EndsWith(":" + hexPort, StringComparison.Ordinal) && f[3] == "01");
    }

    private static double Median(List<RoundResult> of, Func<RoundResult, double> value)
    {
        var sorted = of.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal sealed record RoundResult(double WallMs, double CpuMs, double AllocMb, double PeakRssMb, int Connections);
}
