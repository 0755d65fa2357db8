using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Where <c>rsspot mcp</c> serves. The framework-dependent tool serves in its own process. The native rsspot is
/// compiled without the MCP server (the switch below is false there), so that its image, which the loader relocates at
/// every start, does not carry the MCP types; its <c>mcp</c> command replaces itself with <c>rsspot-mcp</c>, the same
/// program compiled with the server, installed beside it, with the same arguments and standard streams.
/// </summary>
internal static class McpHosting
{
    /// <summary>The feature switch the native build sets (see the tool's project).</summary>
    public const string InProcessSwitch = "Rsspot.Cli.Mcp.InProcess";

    /// <summary>The MCP executable's name beside the native rsspot (without .exe).</summary>
    public const string ExecutableName = "rsspot-mcp";

    /// <summary>Whether this executable carries the MCP server (true unless the native build turned the switch off).</summary>
    [FeatureSwitchDefinition(InProcessSwitch)]
    public static bool InProcess => !AppContext.TryGetSwitch(InProcessSwitch, out var on) || on;

    /// <summary>
    /// Runs <c>rsspot-mcp</c> with <paramref name="args"/>: on Unix the process becomes it (execv: same process id,
    /// streams and signals); on Windows it runs as a child on the same console and streams, and this process exits
    /// with its exit code. Throws when it cannot be started; never completes otherwise.
    /// </summary>
    public static Task Exec(IReadOnlyList<string> args)
    {
        var path = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? ExecutableName + ".exe" : ExecutableName);
        if (!File.Exists(path))
        {
            throw new ConfigException($"The MCP server executable is missing: {path} (it is installed beside rsspot; reinstall the tool).");
        }

        if (OperatingSystem.IsWindows())
        {
            var start = new ProcessStartInfo(path) { UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var child = Process.Start(start) ?? throw new ConfigException($"Could not start {path}.");
            child.WaitForExit();
            Environment.Exit(child.ExitCode);
        }
        else
        {
            string?[] argv = [path, .. args, null];
            _ = NativeMethods.Execv(path, argv);
        }

        throw new ConfigException($"Could not start {path}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "execv", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Execv(
            [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
            [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string?[] argv);
    }
}
