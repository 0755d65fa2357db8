using System.Diagnostics;
using System.Globalization;

namespace Rsspot.Benchmarks;

/// <summary>
/// The Python rsspot SDK in its own long-lived process (<c>PythonRegionsList.py</c> beside the benchmarks): one
/// <c>AsyncSpotClient</c>, warmed up once, that runs a batch of <c>regions.list()</c> calls each time it is asked and
/// reports wall and CPU time per call of its own process.
/// </summary>
internal sealed class PythonRegionsClient : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly string _stateDir;

    private PythonRegionsClient(Process process, string stateDir, int regions, string versions)
    {
        _process = process;
        _stateDir = stateDir;
        Regions = regions;
        Versions = versions;
    }

    /// <summary>The region count the warm-up calls returned.</summary>
    public int Regions { get; }

    /// <summary>The interpreter's, rsspot's, httpx's and pydantic's versions, as the child reported them.</summary>
    public string Versions { get; }

    /// <summary>Starts the child and waits until its warm-up is done.</summary>
    /// <param name="interpreter">The Python to run (RSSPOT_PYTHON, default python3).</param>
    /// <param name="source">A directory holding the <c>rsspot</c> package, or <c>installed</c>.</param>
    /// <param name="baseUrl">The emulator (API and token endpoint).</param>
    /// <param name="warmupCalls">Calls made before the child reports ready.</param>
    public static async Task<PythonRegionsClient> StartAsync(string interpreter, string source, string baseUrl, int warmupCalls)
    {
        var stateDir = Directory.CreateTempSubdirectory("rsspot-bench-py-").FullName;
        var info = new ProcessStartInfo(interpreter)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PythonRegionsList.py"));
        info.ArgumentList.Add(source);
        info.ArgumentList.Add(baseUrl);
        info.ArgumentList.Add(EmulatorProcess.RefreshToken);
        info.ArgumentList.Add(EmulatorProcess.OrganizationName);
        info.ArgumentList.Add(stateDir);
        info.ArgumentList.Add(warmupCalls.ToString(CultureInfo.InvariantCulture));

        // The Python client reads RSSPOT_*, SPOT_* and RACKSPACE_* overrides from the environment: none may leak in.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("RSSPOT_", StringComparison.Ordinal) || k.StartsWith("SPOT_", StringComparison.Ordinal) || k.StartsWith("RACKSPACE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["HOME"] = stateDir;
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Directory.Delete(stateDir, recursive: true);
            throw new InvalidOperationException($"Cannot start {interpreter}: {e.Message}", e);
        }

        var ready = await ReadLineAsync(process);
        if (ready is null || !ready.StartsWith("ready ", StringComparison.Ordinal))
        {
            await StopAsync(process);
            Directory.Delete(stateDir, recursive: true);
            throw new InvalidOperationException($"The Python rsspot client did not start: {ready ?? "it exited; its errors are above"}");
        }

        var parts = ready.Split(' ', 3);
        return new PythonRegionsClient(process, stateDir, int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
    }

    /// <summary>Runs <paramref name="calls"/> calls in the child and returns its per-call wall and CPU time.</summary>
    public async Task<ClientOverheadCpuHarness.Sample> BatchAsync(int calls)
    {
        await _process.StandardInput.WriteLineAsync(calls.ToString(CultureInfo.InvariantCulture));
        await _process.StandardInput.FlushAsync();
        var line = await ReadLineAsync(_process) ?? throw new InvalidOperationException("The Python rsspot client exited during a batch (its errors are above).");
        var fields = line.Split(' ');
        if (fields.Length != 3 || int.Parse(fields[2], CultureInfo.InvariantCulture) != Regions)
        {
            throw new InvalidOperationException($"Unexpected answer from the Python rsspot client: {line}");
        }

        return new ClientOverheadCpuHarness.Sample(
            double.Parse(fields[0], CultureInfo.InvariantCulture),
            double.Parse(fields[1], CultureInfo.InvariantCulture),
            double.NaN);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync("quit");
                await _process.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
            }
        }

        await StopAsync(_process);
        Directory.Delete(_stateDir, recursive: true);
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        return await process.StandardOutput.ReadLineAsync(timeout.Token);
    }

    private static async Task StopAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
