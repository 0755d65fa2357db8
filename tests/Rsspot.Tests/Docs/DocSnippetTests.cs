using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md, of the guides (docs/articles/*.md), of CONTRIBUTING.md and of every
/// package's readme (src/*/PACKAGE.md) compiles against the SDK as pasted.
/// </summary>
public sealed partial class DocSnippetTests
{
    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in DocumentedFiles())
        {
            for (var i = 0; i < ReadSnippets(file).Count; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    [Fact]
    public void The_README_has_csharp_snippets() => Assert.NotEmpty(ReadSnippets("README.md"));

    [Fact]
    public void Every_package_has_a_readme_with_a_csharp_snippet_except_the_tool()
    {
        var root = RepositoryRoot.Find();
        var packable = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            .Select(Path.GetDirectoryName)
            .ToList();

        Assert.NotEmpty(packable);
        foreach (var project in packable)
        {
            var readme = Path.Combine(project!, "PACKAGE.md");
            Assert.True(File.Exists(readme), $"{project} packs without a PACKAGE.md");
            if (Path.GetFileName(project) != "Rsspot.Cli")
            {
                Assert.NotEmpty(ReadSnippets(Path.GetRelativePath(root, readme)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_snippet_compiles(string file, int index)
    {
        var (line, code) = ReadSnippets(file)[index];
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Regular));
        var compilation = CSharpCompilation.Create(
            $"DocSnippet{index}",
            [tree, CSharpSyntaxTree.ParseText(GlobalUsings)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.True(errors.Count == 0, $"{file} line {line}:\n{string.Join('\n', errors)}");
    }

    /// <summary>The implicit usings of a console project, as in a new app.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The framework and every assembly beside the tests (the SDK, the emulator, the test libraries a README test uses).</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return [.. platform.Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Where(IsManagedAssembly)
            .Select(path => MetadataReference.CreateFromFile(path))];
    });

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The files whose snippets are compiled, relative to the repository root, with '/' separators.</summary>
    private static IEnumerable<string> DocumentedFiles()
    {
        var root = RepositoryRoot.Find();
        string Relative(string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
        yield return "README.md";
        if (File.Exists(Path.Combine(root, "CONTRIBUTING.md")))
        {
            yield return "CONTRIBUTING.md";
        }

        foreach (var article in Directory.GetFiles(Path.Combine(root, "docs", "articles"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return Relative(article);
        }

        foreach (var readme in Directory.GetFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return Relative(readme);
        }
    }

    private static List<(int Line, string Code)> ReadSnippets(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), file));
        return [.. Block().Matches(text).Select(m => (text[..m.Index].Count(c => c == '\n') + 1, m.Groups["code"].Value))];
    }

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
