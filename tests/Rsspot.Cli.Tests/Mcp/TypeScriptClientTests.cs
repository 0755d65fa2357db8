using System.Diagnostics;
using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// <c>rsspot mcp</c> driven by an independent client: the official TypeScript MCP SDK (installed from npm at test
/// time into a temp folder), which checks each <c>structuredContent</c> against the tool's <c>outputSchema</c> itself.
/// Skipped, and reported as skipped, where node or npm is missing or the package cannot be installed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class TypeScriptClientTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public TypeScriptClientTests(CliFixture cli)
    {
        _cli = cli;
    }

    [SkippableFact]
    public async Task The_official_typescript_sdk_lists_calls_and_validates_every_result()
    {
        Skip.If(OnPath("node") is null || OnPath("npm") is null, "node and npm are needed to run the TypeScript MCP SDK.");
        var folder = Directory.CreateTempSubdirectory("rsspot-mcp-ts-").FullName;
        try
        {
            var source = Path.Combine(RepositoryRoot.Find(), "tests", "Rsspot.Cli.Tests", "Mcp", "TypeScriptClient");
            foreach (var file in new[] { "package.json", "client.mjs" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(folder, file));
            }

            var install = await RunAsync(folder, "npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
            Skip.If(install.ExitCode != 0, $"npm could not install @modelcontextprotocol/sdk: {install.Stderr.Trim()}");

            string[] server = CliRunner.Executable is { } exe ? [exe, "mcp"] : ["dotnet", CliRunner.CliDll, "mcp"];
            var run = await RunAsync(folder, "node", ["client.mjs", .. server], TimeSpan.FromMinutes(3));

            Assert.True(run.ExitCode == 0, run.ToString());
            var report = JsonNode.Parse(run.Stdout.Trim().Split('\n')[^1])!;
            Assert.Equal(25, report["tools"]!.GetValue<int>());
            Assert.Equal(25, report["withOutputSchema"]!.GetValue<int>());
            Assert.Empty(report["destructive"]!.AsArray());
            foreach (var (tool, call) in report["calls"]!.AsObject())
            {
                Assert.False(call!["isError"]!.GetValue<bool>(), $"{tool} failed");
                Assert.True(call["structured"]!.GetValue<bool>(), $"{tool} returned no structuredContent");
            }

            Assert.True(report["errors"]!["typo"]!["isError"]!.GetValue<bool>());
            Assert.Contains("did you mean 'regions'?", report["errors"]!["typo"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(-32602, report["errors"]!["unknownTool"]!["code"]!.GetValue<int>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private async Task<CliResult> RunAsync(string folder, string program, string[] args, TimeSpan timeout)
    {
        var start = CliRunner.StartInfo(_cli.Environment, args);
        start.FileName = program;
        start.ArgumentList.Clear();
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.WorkingDirectory = folder;
        start.Environment["npm_config_cache"] = Path.Combine(folder, ".npm");

        // The temp HOME has no npm settings: keep the machine's own (registry, proxy) for the install.
        if (Environment.GetEnvironmentVariable("HOME") is { } home && File.Exists(Path.Combine(home, ".npmrc")))
        {
            start.Environment["npm_config_userconfig"] = Path.Combine(home, ".npmrc");
        }

        foreach (var name in new[] { "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
