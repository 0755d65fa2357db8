using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands;

/// <summary><c>rsspot emulator start</c> runs the emulator shipped with the tool as its own process.</summary>
[UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class EmulatorCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-emulator-cmd-").FullName;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Emulator_start_prints_a_configure_line_that_works_and_stops_with_rsspot()
    {
        using var emulator = Process.Start(CliRunner.StartInfo(Env, "emulator", "start", "--port", "0", "--org", "trial"))!;
        try
        {
            var printed = await ReadUntilConfigureLineAsync(emulator);
            var configureLine = printed[^1].Trim();
            var url = configureLine.Split(' ')[Array.IndexOf(configureLine.Split(' '), "--base-url") + 1];

            var configured = await CliRunner.RunAsync(Env, null, configureLine["rsspot ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(configured.ExitCode == 0, configured.ToString());
            var organizations = await CliRunner.RunAsync(Env, null, "organizations", "list", "-o", "json");
            Assert.True(organizations.ExitCode == 0, organizations.ToString());
            Assert.Contains("trial", organizations.Json.AsArray().Select(o => o!["name"]!.GetValue<string>()));
            var regions = await CliRunner.RunAsync(Env, null, "regions", "list", "-o", "json");
            Assert.True(regions.ExitCode == 0, regions.ToString());
            Assert.NotEmpty(regions.Json.AsArray());

            // Stopping rsspot (SIGTERM, as a service manager or `kill` does) stops the emulator process it started.
            using (var kill = Process.Start("kill", ["-TERM", emulator.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await emulator.WaitForExitAsync(timeout.Token);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(url + "/percentiles.json")));
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Emulator_start_with_a_bad_option_exits_2_naming_it()
    {
        var result = await CliRunner.RunAsync(Env, null, "emulator", "start", "--port", "0", "--fail-rate", "7");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--fail-rate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_start_on_a_port_in_use_exits_2_saying_so_without_a_stack_trace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var result = await CliRunner.RunAsync(Env, null, "emulator", "start", "--port", port);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"port {port}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--port", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    internal static async Task<List<string>> ReadUntilConfigureLineAsync(Process emulator)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var lines = new List<string>();
        while (await emulator.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.TrimStart().StartsWith("rsspot configure ", StringComparison.Ordinal))
            {
                return lines;
            }
        }

        Assert.Fail($"No configure line; the emulator printed:\n{string.Join('\n', lines)}\nstderr:\n{await emulator.StandardError.ReadToEndAsync(timeout.Token)}");
        return lines;
    }
}
