using System.Diagnostics;
using Rsspot.Cli.Tests.Support;
using Rsspot.Emulator;

namespace Rsspot.Cli.Tests.Packaging;

/// <summary>
/// The packages as users get them: <c>dotnet tool install rsspot</c> from a folder that holds only the
/// framework-dependent tool package, and a new console app that references the packed <c>Rsspot.Sdk</c>.
/// Both pack the already built projects (<c>--no-build</c>) and restore offline: the only feeds are the
/// pack folder and the machine's NuGet cache. Slow-ish; filter them with <c>Category=Packaging</c>.
/// </summary>
[Trait("Category", "Packaging")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PackageInstallTests : IDisposable
{
    private static readonly string RepoRoot = FindRepoRoot();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rsspot-pack-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Dotnet_tool_install_rsspot_from_the_framework_dependent_package_gives_a_working_rsspot()
    {
        var feed = Path.Combine(_work.FullName, "feed");
        var tools = Path.Combine(_work.FullName, "tools");

        // The README's line for a folder without Native AOT packages: one framework-dependent package named rsspot.
        await DotnetAsync(RepoRoot, "pack", "src/Rsspot.Cli", "-c", "Release", "--no-build", "-o", feed, "-p:ToolPackageRuntimeIdentifiers=", "-p:PublishAot=false");
        Assert.Equal(["rsspot.0.1.0.nupkg"], Directory.GetFiles(feed).Select(Path.GetFileName));

        await DotnetAsync(_work.FullName, "tool", "install", "rsspot", "--tool-path", tools, "--add-source", feed, "--configfile", WriteNuGetConfig(feed));

        var version = await RunAsync(Path.Combine(tools, "rsspot"), _work.FullName, "--version");
        Assert.Equal("0.1.0", version.Stdout.Trim());
        var help = await RunAsync(Path.Combine(tools, "rsspot"), _work.FullName, "--help");
        Assert.Contains("cloudspace, cloudspaces, cs", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_console_app_references_the_packed_Rsspot_Sdk_and_calls_the_emulator()
    {
        var feed = Path.Combine(_work.FullName, "feed");
        await DotnetAsync(RepoRoot, "pack", "src/Rsspot", "-c", "Release", "--no-build", "-o", feed);
        Assert.Contains("Rsspot.Sdk.0.1.0.nupkg", Directory.GetFiles(feed).Select(Path.GetFileName));

        var app = Directory.CreateDirectory(Path.Combine(_work.FullName, "app")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Rsspot.Sdk" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using Rsspot;
            using Rsspot.Configuration;

            using var client = new SpotClient(new SpotClientOptions
            {
                Config = new RsspotConfig(),
                BaseUrl = args[0],
                OAuthUrl = args[0],
                PriceDataUrl = args[0],
                RefreshToken = args[1],
                Org = args[2],
                StatePath = Path.Combine(AppContext.BaseDirectory, "state.db"),
            });
            var regions = await client.Regions.ListAsync();
            Console.WriteLine($"regions {regions.Count}");
            """);
        var config = WriteNuGetConfig(feed);
        await DotnetAsync(app, "build", "-c", "Release", "--configfile", config, "-p:RestorePackagesPath=" + Path.Combine(_work.FullName, "packages"));

        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        var run = await RunAsync(Path.Combine(app, "bin", "Release", "net10.0", "App"), app, emulator.BaseUrl, emulator.RefreshToken, emulator.OrganizationName);
        Assert.Matches("^regions [1-9][0-9]*$", run.Stdout.Trim());
    }

    /// <summary>Feeds: the pack folder and the machine's NuGet cache (laid out as a folder feed), nothing online.</summary>
    private string WriteNuGetConfig(string feed)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(_work.FullName, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
                <add key="cache" value="{cache}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    private static async Task DotnetAsync(string directory, params string[] args)
    {
        var result = await RunAsync("dotnet", directory, args);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', args)}\n{result}");
    }

    private static async Task<CliResult> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rsspot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Rsspot.sln not found above the test output folder.");
    }
}
