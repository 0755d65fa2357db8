using System.Diagnostics;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// The native rsspot on Linux is compiled without the MCP server: its <c>mcp</c> command becomes <c>rsspot-mcp</c>,
/// installed beside it. These run against such a binary (RSSPOT_CLI_EXECUTABLE with rsspot-mcp beside it) and are
/// skipped otherwise; the other MCP tests cover the server itself through either form.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class McpHostingTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public McpHostingTests(CliFixture cli)
    {
        _cli = cli;
    }

    private static string? McpExecutable =>
        CliRunner.Executable is { } rsspot && Path.Combine(Path.GetDirectoryName(rsspot)!, "rsspot-mcp") is var mcp && File.Exists(mcp) ? mcp : null;

    [SkippableFact]
    public async Task Mcp_becomes_rsspot_mcp_in_the_same_process_and_ends_with_its_stdin()
    {
        Skip.If(McpExecutable is null || !OperatingSystem.IsLinux(), "needs a native rsspot with rsspot-mcp beside it (RSSPOT_CLI_EXECUTABLE, Linux)");
        var start = CliRunner.StartInfo(_cli.Environment, "mcp");
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        var exe = $"/proc/{process.Id}/exe";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? image = null;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            image = new FileInfo(exe).LinkTarget;
            if (image == McpExecutable)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(McpExecutable, image);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        Assert.Equal(string.Empty, await stdout);
    }

    [SkippableFact]
    public async Task Without_rsspot_mcp_beside_it_mcp_says_what_is_missing_in_one_line_and_exits_3()
    {
        Skip.If(McpExecutable is null, "needs a native rsspot with rsspot-mcp beside it (RSSPOT_CLI_EXECUTABLE)");
        var alone = Directory.CreateTempSubdirectory("rsspot-alone-");
        try
        {
            var rsspot = Path.Combine(alone.FullName, Path.GetFileName(CliRunner.Executable!));
            File.Copy(CliRunner.Executable!, rsspot);
            File.SetUnixFileMode(rsspot, File.GetUnixFileMode(CliRunner.Executable!));
            var start = CliRunner.StartInfoOf(rsspot, _cli.Environment, "mcp");
            start.RedirectStandardInput = true;
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(3, process.ExitCode);
            Assert.Equal(string.Empty, stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("The MCP server executable is missing", line, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(alone.FullName, "rsspot-mcp"), line, StringComparison.Ordinal);
        }
        finally
        {
            alone.Delete(recursive: true);
        }
    }
}
