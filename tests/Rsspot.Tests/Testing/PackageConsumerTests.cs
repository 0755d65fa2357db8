using System.Diagnostics;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Testing;

/// <summary>
/// A new app that references the packed Rsspot.Testing (a local folder and the local NuGet cache as its only
/// sources, so offline) starts the emulator and makes an SDK call. Slow (packs and builds an app): trait Packaging.
/// </summary>
public sealed class PackageConsumerTests
{
    [Fact]
    [Trait("Category", "Packaging")]
    public async Task A_new_app_referencing_the_packed_Rsspot_Testing_runs_an_SDK_call_against_the_emulator()
    {
        var root = RepositoryRoot.Find();
        using var work = new TempDirectory();
        var feed = Directory.CreateDirectory(Path.Combine(work.Path, "feed")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(work.Path, "app")).FullName;
        var version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..8];
        foreach (var project in new[] { "src/Rsspot/Rsspot.csproj", "src/Rsspot.Testing/Rsspot.Testing.csproj" })
        {
            await Dotnet(root, "pack", Path.Combine(root, project), "-c", "Release", "--no-build", "-o", feed, $"-p:PackageVersion={version}", "-p:IncludeSymbols=false");
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
                <add key="cache" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Rsspot.Testing" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Rsspot.Testing;

            await using var spot = await SpotTestServer.StartAsync();
            using var client = spot.CreateClient();
            var regions = await client.Regions.ListAsync();
            Console.WriteLine($"regions: {regions.Count}; org: {(await client.GetOrganizationAsync()).Name}");
            """);
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");

        var output = await Dotnet(app, "run", "--project", Path.Combine(app, "App.csproj"), "-c", "Release");

        Assert.Matches(@"regions: [1-9]\d*; org: sandbox", output);
    }

    private static async Task<string> Dotnet(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(patience.Token);
        var text = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed:\n{text}");
        return text;
    }
}
