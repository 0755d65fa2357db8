using System.IO.Compression;
using System.Xml.Linq;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Packaging;

/// <summary>
/// Each library package, packed from the built projects, opened as a zip: a readme the package page shows, the XML
/// docs of every assembly it ships (IntelliSense), the icon and the repository it came from. Trait Packaging.
/// </summary>
public sealed class PackageContentsTests
{
    public static TheoryData<string, string> Packages() => new()
    {
        { "src/Rsspot/Rsspot.csproj", "Rsspot.Sdk" },
        { "src/Rsspot.Testing/Rsspot.Testing.csproj", "Rsspot.Testing" },
        { "src/Rsspot.Charts/Rsspot.Charts.csproj", "Rsspot.Charts" },
        { "src/Rsspot.Postgres/Rsspot.Postgres.csproj", "Rsspot.Postgres" },
    };

    [Theory]
    [Trait("Category", "Packaging")]
    [MemberData(nameof(Packages))]
    public async Task A_package_has_its_readme_and_the_XML_docs_of_every_assembly(string project, string id)
    {
        using var work = new TempDirectory();
        var feed = new LocalPackageFeed(work.Path);
        const string version = "0.0.0-contents";
        await feed.PackAsync(project, $"-p:PackageVersion={version}", "-p:IncludeSymbols=false");

        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, $"{id}.{version}.nupkg"));
        var names = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        string? Meta(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("README.md", Meta("readme"));
        Assert.Contains("README.md", names);
        using (var readme = new StreamReader(package.GetEntry("README.md")!.Open()))
        {
            var text = await readme.ReadToEndAsync();
            Assert.StartsWith($"# {id}", text, StringComparison.Ordinal);
            Assert.Contains("```csharp", text, StringComparison.Ordinal);
        }

        Assert.Equal("rsspot-icon.png", Meta("icon"));
        var assemblies = names.Where(n => n.StartsWith("lib/net10.0/", StringComparison.Ordinal) && n.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(assemblies);
        Assert.All(assemblies, dll => Assert.Contains(Path.ChangeExtension(dll, ".xml"), names));
        foreach (var docs in assemblies.Select(dll => Path.ChangeExtension(dll, ".xml")))
        {
            var members = XDocument.Load(package.GetEntry(docs)!.Open()).Descendants("member").Count();
            Assert.True(members > 10, $"{docs} documents {members} members");
        }
    }

    [Fact]
    [Trait("Category", "Packaging")]
    public async Task Rsspot_Testing_ships_the_emulator_with_its_docs()
    {
        using var work = new TempDirectory();
        var feed = new LocalPackageFeed(work.Path);
        await feed.PackAsync("src/Rsspot.Testing/Rsspot.Testing.csproj", "-p:PackageVersion=0.0.0-emulator", "-p:IncludeSymbols=false");

        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, "Rsspot.Testing.0.0.0-emulator.nupkg"));
        var docs = XDocument.Load(package.GetEntry("lib/net10.0/Rsspot.Emulator.xml")!.Open());

        Assert.Contains(docs.Descendants("member"), m => (string?)m.Attribute("name") == "T:Rsspot.Emulator.EmulatorOptions");
        Assert.Contains(docs.Descendants("member"), m => (string?)m.Attribute("name") == "T:Rsspot.Emulator.FaultSettings");
    }
}
