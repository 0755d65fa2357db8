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
        using var work = new TempDirectory();
        var feed = new LocalPackageFeed(work.Path);
        var app = Directory.CreateDirectory(Path.Combine(work.Path, "app")).FullName;
        var version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..8];
        foreach (var project in new[] { "src/Rsspot/Rsspot.csproj", "src/Rsspot.Testing/Rsspot.Testing.csproj" })
        {
            await feed.PackAsync(project, $"-p:PackageVersion={version}", "-p:IncludeSymbols=false");
        }

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

        var output = await LocalPackageFeed.DotnetAsync(app, "run", "--project", Path.Combine(app, "App.csproj"), "-c", "Release");

        Assert.Matches(@"regions: [1-9]\d*; org: sandbox", output);
    }
}
