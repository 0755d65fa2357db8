using System.Diagnostics;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// Runs the emulator shipped beside the tool (<c>emulator/Rsspot.Emulator.dll</c>) as a child process on the
/// same console. It is a separate process so that the tool itself needs neither ASP.NET Core nor its start-up cost.
/// </summary>
internal static class EmulatorLauncher
{
    // Shorter than System.CommandLine's process-termination timeout (2 s), after which this process exits regardless.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    public static string EmulatorDll => Path.Combine(AppContext.BaseDirectory, "emulator", "Rsspot.Emulator.dll");

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var dll = EmulatorDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The emulator is missing from this rsspot installation (expected {dll}). Reinstall the tool, or run the emulator from a source checkout with 'dotnet run --project src/Rsspot.Emulator'.");
        }

        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        try
        {
            await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C in a terminal reaches the child too and it stops by itself; anything else ends it here.
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await child.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
                return ExitCodes.Cancelled;
            }
        }

        return child.ExitCode;
    }

    /// <summary>The dotnet host: this process when it is one (<c>dotnet rsspot.dll</c>), else DOTNET_HOST_PATH, DOTNET_ROOT or PATH.</summary>
    private static string DotnetHost()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), exe, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, exe)))
        {
            return Path.Combine(root, exe);
        }

        return exe;
    }
}
