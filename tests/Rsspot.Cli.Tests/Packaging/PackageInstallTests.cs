using Rsspot.Tests.Support;
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
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rsspot-pack-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Dotnet_tool_install_rsspot_from_the_framework_dependent_package_gives_a_working_rsspot()
    {
        var feed = new LocalPackageFeed(_work.FullName);
        var tools = Path.Combine(_work.FullName, "tools");

        // The README's line for a folder without Native AOT packages: one framework-dependent package named rsspot.
        await feed.PackAsync("src/Rsspot.Cli", "-p:ToolPackageRuntimeIdentifiers=", "-p:PublishAot=false");
        Assert.Equal(["rsspot.0.1.0.nupkg"], Directory.GetFiles(feed.Folder).Select(Path.GetFileName));

        await LocalPackageFeed.DotnetAsync(_work.FullName, "tool", "install", "rsspot", "--tool-path", tools, "--add-source", feed.Folder, "--configfile", feed.ConfigPath);

        var version = await LocalPackageFeed.RunAsync(Path.Combine(tools, "rsspot"), _work.FullName, "--version");
        Assert.Equal("0.1.0", version.Stdout.Trim());
        var help = await LocalPackageFeed.RunAsync(Path.Combine(tools, "rsspot"), _work.FullName, "--help");
        Assert.Contains("cloudspace, cloudspaces, cs", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_console_app_references_the_packed_Rsspot_Sdk_and_calls_the_emulator()
    {
        var feed = new LocalPackageFeed(_work.FullName);
        await feed.PackAsync("src/Rsspot");
        Assert.Contains("Rsspot.Sdk.0.1.0.nupkg", Directory.GetFiles(feed.Folder).Select(Path.GetFileName));

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
        await LocalPackageFeed.DotnetAsync(app, "build", "-c", "Release", "--configfile", feed.ConfigPath, "-p:RestorePackagesPath=" + Path.Combine(_work.FullName, "packages"));

        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        var run = await LocalPackageFeed.RunAsync(Path.Combine(app, "bin", "Release", "net10.0", "App"), app, emulator.BaseUrl, emulator.RefreshToken, emulator.OrganizationName);
        Assert.Matches("^regions [1-9][0-9]*$", run.Stdout.Trim());
    }
}
