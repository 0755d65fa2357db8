using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Rsspot.Cli.Tests.Support;

/// <summary>The result of one rsspot process.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout was JSON null");

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>Runs the built rsspot.dll with a clean environment (only what the test passes, plus PATH and DOTNET_ROOT).</summary>
public static class CliRunner
{
    public static string CliDll { get; } = Path.GetFullPath(
        typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RsspotCliDll").Value!);

    /// <summary>
    /// A published rsspot executable to test instead of the build output (set RSSPOT_CLI_EXECUTABLE, e.g. to the
    /// Native AOT binary from <c>dotnet publish src/Rsspot.Cli -r linux-x64</c>), so the shipped artifact passes the same tests.
    /// </summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("RSSPOT_CLI_EXECUTABLE") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args) =>
        RunInAsync(null, environment, stdin, args);

    /// <summary>Runs rsspot with <paramref name="workingDirectory"/> as its current directory (null: this process's).</summary>
    public static async Task<CliResult> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var start = StartInfo(environment, args);
        start.RedirectStandardInput = true;
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>How to start rsspot with <paramref name="args"/>: output redirected, only the given environment plus what dotnet needs.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Executable is null)
        {
            start.ArgumentList.Add(CliDll);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "DOTNET_ROOT", "DOTNET_ROOT_X64" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The suites check this tool's own JSON shapes unless a test asks for another (the Python rsspot's shapes,
        // the default for users, are checked by the tests that set RSSPOT_OUTPUT_SHAPE themselves).
        start.Environment["RSSPOT_OUTPUT_SHAPE"] = "raw";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
