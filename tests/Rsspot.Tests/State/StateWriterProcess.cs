using System.Diagnostics;

namespace Rsspot.Tests.State;

/// <summary>Runs tests/Rsspot.StateWriter as a separate process.</summary>
public static class StateWriterProcess
{
    /// <summary>
    /// The built Rsspot.StateWriter.dll: same configuration and target framework as this test assembly, found
    /// next to the test project (the test project references it with ReferenceOutputAssembly=false, so it is built first).
    /// </summary>
    public static string DllPath()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = baseDir.Name;
        string configuration = baseDir.Parent!.Name;
        for (DirectoryInfo? dir = baseDir; dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[]
            {
                Path.Combine(dir.FullName, "Rsspot.StateWriter", "bin", configuration, tfm, "Rsspot.StateWriter.dll"),
                Path.Combine(dir.FullName, "tests", "Rsspot.StateWriter", "bin", configuration, tfm, "Rsspot.StateWriter.dll"),
            })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Rsspot.StateWriter.dll ({configuration}/{tfm}) not found above {baseDir.FullName}; build tests/Rsspot.Tests first.");
    }

    public static Process Start(params string[] args)
    {
        return Support.DotnetProcess.Start(DllPath(), args);
    }

    /// <summary>Waits for the process and returns its standard output; fails the test on a non-zero exit.</summary>
    public static async Task<string> CompleteAsync(Process process)
    {
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"StateWriter exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
