using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Tests.Support;

/// <summary>The result of one rsspot process.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout was JSON null");

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// Runs rsspot with a clean environment (only what the test passes): in this process (the command line parsed
/// and run by <see cref="CliApp"/> on its own streams and environment) when that is faithful, else the built
/// rsspot.dll (or <see cref="Executable"/>) as a child process with PATH and DOTNET_ROOT added.
/// </summary>
/// <remarks>
/// In process, stdin and stdout are not terminals, as for a child with redirected streams. What a process has only
/// once (its current directory, culture, proxy and TLS settings, the home the OS reports, the emulator launched
/// beside the tool) cannot be given to one invocation, so a run that depends on any of it goes to a child process:
/// a working directory, an environment variable rsspot does not read through its session, no usable HOME, or the
/// <c>emulator</c> command. <c>mcp</c> runs in process on the host's byte streams (stdin given, stdout captured). RSSPOT_CLI_EXECUTABLE or
/// RSSPOT_CLI_TESTS_OUT_OF_PROCESS=1 sends every run to a child process.
/// </remarks>
public static class CliRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // Variables rsspot reads only through its session (CliEnvironment) or the SDK's injected config environment.
    private static readonly HashSet<string> InProcessVariables = new(StringComparer.Ordinal) { "HOME", "NO_COLOR", "TERM", "COLUMNS" };

    // emulator starts the shipped emulator beside the binary, run starts a child whose kubeconfig names this binary;
    // --exec and --merge kubeconfigs name this binary for kubectl to run.
    private static readonly HashSet<string> ProcessOnlyCommands = new(StringComparer.Ordinal) { "emulator", "run" };

    private static readonly HashSet<string> ProcessOnlyFlags = new(StringComparer.Ordinal) { "--exec", "--merge" };

    public static string CliDll { get; } = Path.GetFullPath(
        typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RsspotCliDll").Value!);

    /// <summary>
    /// A published rsspot executable to test instead of the build output (set RSSPOT_CLI_EXECUTABLE, e.g. to the
    /// Native AOT binary from <c>dotnet publish src/Rsspot.Cli -r linux-x64</c>), so the shipped artifact passes the same tests.
    /// </summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("RSSPOT_CLI_EXECUTABLE") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>True when every run goes to a child process.</summary>
    public static bool OutOfProcess { get; } = Executable is not null || Environment.GetEnvironmentVariable("RSSPOT_CLI_TESTS_OUT_OF_PROCESS") == "1";

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args) =>
        RunInAsync(null, environment, stdin, args);

    /// <summary>Runs rsspot with <paramref name="workingDirectory"/> as its current directory (null: this process's).</summary>
    public static Task<CliResult> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args) =>
        workingDirectory is null && CanRunInProcess(environment, args)
            ? RunInProcessAsync(environment, stdin, args)
            : RunProcessInAsync(workingDirectory, environment, stdin, args);

    /// <summary>Runs the real rsspot binary as a child process (the end-to-end tests of process edges).</summary>
    public static Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args) =>
        RunProcessInAsync(null, environment, stdin, args);

    /// <summary>Whether a run with this environment and these arguments behaves in this process as in its own.</summary>
    public static bool CanRunInProcess(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args) =>
        !OutOfProcess
        && !(args.Count > 0 && ProcessOnlyCommands.Contains(args[0]))
        && !args.Any(ProcessOnlyFlags.Contains)
        && environment.TryGetValue("HOME", out var home) && Path.IsPathFullyQualified(home) && Directory.Exists(home)
        && environment.Keys.All(name => InProcessVariables.Contains(name) || name.StartsWith("RSSPOT_", StringComparison.Ordinal) || name.StartsWith("SPOT_", StringComparison.Ordinal));

    private static async Task<CliResult> RunInProcessAsync(IReadOnlyDictionary<string, string> environment, string? stdin, string[] args)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["RSSPOT_OUTPUT_SHAPE"] = "raw" };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        using var input = new StringReader(stdin ?? string.Empty);
        using var rawInput = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty), writable: false);
        using var rawOutput = new MemoryStream();
        var host = CliHost.Redirected(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), input, variables) with { ByteStreams = (rawInput, rawOutput) };
        using var timeout = new CancellationTokenSource(Timeout);
        var exit = await Task.Run(
            () =>
            {
                // The tool is built with invariant globalization; the culture flows into the invocation's continuations.
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                return CliApp.RunAsync([.. args], host, timeout.Token);
            },
            timeout.Token).WaitAsync(Timeout);
        return new CliResult(exit, stdout + Encoding.UTF8.GetString(rawOutput.ToArray()), stderr.ToString());
    }

    private static async Task<CliResult> RunProcessInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, string? stdin, string[] args)
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
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Whether this test process ignores SIGINT, as a shell's background job does: rsspot would inherit that and the
    /// Ctrl-C tests could not interrupt it, so it is then started with SIGINT's default action restored.
    /// </summary>
    private static bool InterruptIgnored { get; } = OperatingSystem.IsLinux()
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;

    /// <summary>How to start rsspot with <paramref name="args"/>: output redirected, only the given environment plus what dotnet needs.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartInfoOf(Executable, environment, args);

    /// <summary>As <see cref="StartInfo"/>, for the native binary at <paramref name="executable"/> (null: the built rsspot.dll under dotnet).</summary>
    public static ProcessStartInfo StartInfoOf(string? executable, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (InterruptIgnored)
        {
            start.FileName = "env";
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(executable ?? "dotnet");
        }

        if (executable is null)
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
